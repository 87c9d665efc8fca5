using System.Net;
using Docker.DotNet;
using DrillRunner.Docker.Engine;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;

namespace DrillRunner.Docker.Tests.Engine;

public sealed class DockerResilienceTests
{
    private static readonly DockerDriverOptions NoDelay = new() { RetryDelay = TimeSpan.Zero, MaxRetries = 3 };

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    public void Engine_errors_are_transient_and_client_errors_are_not(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, DockerResilience.IsTransient(new DockerApiException(status, "{}")));

    [Fact]
    public void Transport_failures_are_transient() =>
        Assert.All(
            new Exception[] { new HttpRequestException("refused"), new IOException("reset") },
            e => Assert.True(DockerResilience.IsTransient(e)));

    [Fact]
    public async Task A_5xx_is_retried_until_it_succeeds()
    {
        var pipeline = DockerResilience.Build(NoDelay, TimeProvider.System);
        var attempts = 0;

        var result = await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return attempts < 3 ? throw new DockerApiException(HttpStatusCode.InternalServerError, "busy") : ValueTask.FromResult("ok");
        });

        Assert.Equal(("ok", 3), (result, attempts));
    }

    [Fact]
    public async Task A_4xx_is_not_retried()
    {
        var pipeline = DockerResilience.Build(NoDelay, TimeProvider.System);
        var attempts = 0;

        await Assert.ThrowsAsync<DockerApiException>(async () => await pipeline.ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw new DockerApiException(HttpStatusCode.Conflict, "is not running");
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_call_marked_not_retryable_runs_once_even_when_transient()
    {
        var pipeline = DockerResilience.Build(NoDelay, TimeProvider.System);
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(DockerResilience.NoRetry, true);
        var attempts = 0;

        await Assert.ThrowsAsync<IOException>(async () => await pipeline.ExecuteAsync<string>(_ =>
        {
            attempts++;
            throw new IOException("stream consumed");
        }, context));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Each_attempt_times_out_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var pipeline = DockerResilience.Build(new DockerDriverOptions { CallTimeout = TimeSpan.FromSeconds(30), MaxRetries = 0 }, time);

        var call = pipeline.ExecuteAsync(async ct => await Task.Delay(Timeout.InfiniteTimeSpan, time, ct)).AsTask();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
    }
}
