using System.Net;
using DrillRunner.Chaos.Faults;
using DrillRunner.Chaos.Pipelines;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Chaos.Tests.Pipelines;

public sealed class ChaosDelegatingHandlerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly FaultRegistry _registry;
    private readonly HttpMessageInvoker _client;

    public ChaosDelegatingHandlerTests()
    {
        _registry = new FaultRegistry(_time);
        var factory = new ChaosPipelineFactory(_registry, _time, new FixedRandomizer(0.5));
        _client = new HttpMessageInvoker(new ChaosDelegatingHandler("payments", _registry, factory) { InnerHandler = new OkHandler() });
    }

    [Fact]
    public async Task Rate_changes_take_effect_on_the_next_call()
    {
        _registry.Set(Fault("flaky", FaultKind.Outcome, rate: 0.3));
        Assert.Equal(HttpStatusCode.OK, await SendStatusAsync());

        _registry.Set(Fault("flaky", FaultKind.Outcome, rate: 0.7));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendStatusAsync());

        _registry.Set(Fault("flaky", FaultKind.Outcome, rate: 0));
        Assert.Equal(HttpStatusCode.OK, await SendStatusAsync());
        Assert.Equal(1, _registry.Injections()["flaky"]);
    }

    [Fact]
    public async Task An_error_fault_looks_like_an_unreachable_dependency()
    {
        _registry.Set(Fault("down", FaultKind.Error, rate: 1));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(SendStatusAsync);

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(1, _registry.Injections()["down"]);
    }

    [Fact]
    public async Task A_latency_fault_delays_the_call_by_its_latency_on_the_injected_clock()
    {
        _registry.Set(Fault("slow", FaultKind.Latency, rate: 1));

        var call = SendStatusAsync();
        _time.Advance(TimeSpan.FromMilliseconds(799));
        await Task.Yield();
        Assert.False(call.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, await call.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System));
    }

    [Fact]
    public async Task Faults_aimed_at_another_dependency_or_at_inbound_requests_do_not_apply()
    {
        _registry.Set(Fault("other", FaultKind.Outcome, rate: 1) with { Dependency = "inventory" });
        _registry.Set(Fault("inbound", FaultKind.Outcome, rate: 1) with { Dependency = null });

        Assert.Equal(HttpStatusCode.OK, await SendStatusAsync());
        Assert.Empty(_registry.Injections());
    }

    public void Dispose()
    {
        _client.Dispose();
        _registry.Dispose();
    }

    private async Task<HttpStatusCode> SendStatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/charge");
        using var response = await _client.SendAsync(request, CancellationToken.None);
        return response.StatusCode;
    }

    private ActiveFault Fault(string name, FaultKind kind, double rate) =>
        new(name, kind, rate, TimeSpan.FromMilliseconds(800), 503, null, "payments", _time.GetUtcNow().AddMinutes(1));

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
