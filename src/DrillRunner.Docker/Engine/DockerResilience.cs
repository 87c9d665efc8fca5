using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DrillRunner.Docker.Engine;

/// <summary>The one pipeline every Docker API call goes through: retry transient failures, time out each attempt.</summary>
internal static class DockerResilience
{
    public static readonly ResiliencePropertyKey<TimeSpan> Timeout = new("drillrunner.docker.timeout");

    public static readonly ResiliencePropertyKey<bool> NoRetry = new("drillrunner.docker.no-retry");

    public static ResiliencePipeline Build(DockerDriverOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.Properties.GetValue(NoRetry, false) && args.Outcome.Exception is { } e && IsTransient(e)),
            });
        }

        return builder
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(Timeout, options.CallTimeout)),
            })
            .Build();
    }

    /// <summary>Transport problems and engine-side errors may pass; a 4xx is the caller's mistake and never will.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        DockerApiException api => (int)api.StatusCode >= 500 && api.StatusCode != HttpStatusCode.NotImplemented,
        _ when IsTlsRefusal(exception) => false,
        HttpRequestException or IOException or SocketException => true,
        _ => false,
    };

    /// <summary>A refused certificate is no transient failure: retrying only repeats the refusal.</summary>
    public static bool IsTlsRefusal(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Security.Authentication.AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException or TimeoutRejectedException;
}
