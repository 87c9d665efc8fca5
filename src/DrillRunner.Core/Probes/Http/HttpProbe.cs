using DrillRunner.Engine;
using DrillRunner.Timeline;

namespace DrillRunner.Probes.Http;

/// <summary>GETs a URL and checks status, latency and body.</summary>
internal sealed class HttpProbe(HttpProbeOptions options) : IProbe
{
    public string Name => options.Name;

    public TimeSpan Interval => options.Interval;

    public TimeSpan Timeout => options.Timeout;

    // An invalid URL is already reported by the options' validation.
    public IEnumerable<Uri> Targets => Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) ? [uri] : [];

    public async Task<ProbeSample> SampleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var at = context.Time.GetUtcNow();
        var started = context.Time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await context.Http.GetAsync(options.Url, timeout.Token);
            var body = options.BodyContains is null ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
            var latency = context.Time.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            var error = status != options.ExpectStatus ? $"status {status}, expected {options.ExpectStatus}"
                : options.MaxLatency is { } max && latency > max.TotalMilliseconds ? $"latency {latency:0}ms over {max.TotalMilliseconds:0}ms"
                : options.BodyContains is { } text && !body.Contains(text, StringComparison.Ordinal) ? $"body lacks '{text}'"
                : null;
            return new ProbeSample(Name, at, error is null, latency, status, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeSample(Name, at, false, context.Time.GetElapsedTime(started).TotalMilliseconds, null, $"timeout after {options.Timeout.TotalMilliseconds:0}ms");
        }
        catch (HttpRequestException ex)
        {
            return new ProbeSample(Name, at, false, context.Time.GetElapsedTime(started).TotalMilliseconds, null, ex.HttpRequestError.ToString());
        }
    }
}
