using DrillRunner.Engine;
using DrillRunner.Timeline;

namespace DrillRunner.Probes.Canary;

/// <summary>
/// Writes one sequenced, timestamped record per interval through the application's real write path and records
/// each acknowledgement (sequence, send time, the time the runner received the answer, the id the application
/// returned) on the timeline; every write is also a sample, so the write path's availability and recovery are
/// measured like any probe's. <see cref="VerifyAsync"/> reads the acknowledged writes back (<see cref="CanaryReadBack"/>).
/// A write is never retried: a retry could store it twice, and only acknowledged writes count.
/// </summary>
internal sealed class CanaryProbe(CanaryProbeOptions options) : IVerifyingProbe
{
    // Created for the load-time checks even when the options were refused: never assume the required parts.
    private readonly CanaryWriteOptions _write = options.Write ?? new();
    private long _sequence;
    private int _reportedNoId;

    public string Name => options.Name;

    public TimeSpan Interval => options.Interval;

    public TimeSpan Timeout => options.Timeout;

    // Invalid URLs are already reported by the options' validation.
    public IEnumerable<Uri> Targets => new[] { CanaryTemplate.SampleUrl(_write.Url), CanaryTemplate.SampleUrl(options.Read?.Url ?? "") }.OfType<Uri>();

    private string IdSource => _write.IdHeader is { } header ? $"header {header}" : _write.IdPath ?? CanaryConstants.DefaultIdPath;

    public async Task<ProbeSample> SampleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var sentAt = context.Time.GetUtcNow();
        var started = context.Time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Timeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = CanaryHttp.Request(_write.Method, _write.Url, _write.Body, _write.ContentType, _write.Headers,
                forUrl => CanaryTemplate.Values(context.RunId, Name, sequence, sentAt, forUrl: forUrl));
            using var response = await context.Http.SendAsync(request, linked.Token);
            var body = await CanaryHttp.ReadBodyAsync(response, linked.Token);
            var ackAt = context.Time.GetUtcNow();
            var latency = context.Time.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            if (!Acknowledges(status))
            {
                return new ProbeSample(Name, sentAt, false, latency, status, $"write #{sequence}: status {status}");
            }

            var id = IdOf(response, body);
            context.Timeline.Add(new CanaryAck(Name, sequence, sentAt, ackAt, status, id));
            if (id is not null)
            {
                return new ProbeSample(Name, sentAt, true, latency, status);
            }

            var error = $"write #{sequence} acknowledged ({status}) without an id at {IdSource}: it cannot be read back";
            if (Interlocked.Exchange(ref _reportedNoId, 1) == 0)
            {
                context.Timeline.Add(new TimelineEvent(ackAt, EventKinds.Error, $"canary '{Name}': {error}; data loss cannot be measured"));
            }

            return new ProbeSample(Name, sentAt, false, latency, status, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeSample(Name, sentAt, false, context.Time.GetElapsedTime(started).TotalMilliseconds, null,
                $"write #{sequence}: no answer within {options.Timeout.TotalMilliseconds:0}ms");
        }
        catch (HttpRequestException ex)
        {
            return new ProbeSample(Name, sentAt, false, context.Time.GetElapsedTime(started).TotalMilliseconds, null, $"write #{sequence}: {ex.HttpRequestError}");
        }
    }

    public async Task<string> VerifyAsync(StepContext context, string round, CancellationToken cancellationToken)
    {
        var acks = context.Timeline.Snapshot().CanaryAcks.Where(a => a.Probe == Name).ToList();
        var checks = await new CanaryReadBack(options).CheckAsync(context, acks, round, cancellationToken);
        context.Timeline.Add(checks);
        return CanaryReadBack.Summary(Name, round, acks, checks);
    }

    private bool Acknowledges(int status) => _write.ExpectStatus.Count == 0 ? status is >= 200 and <= 299 : _write.ExpectStatus.Contains(status);

    private string? IdOf(HttpResponseMessage response, string body)
    {
        if (_write.IdHeader is { } header)
        {
            var values = response.Headers.TryGetValues(header, out var found) ? found
                : response.Content.Headers.TryGetValues(header, out var content) ? content : [];
            return values.FirstOrDefault(v => v.Length > 0);
        }

        var id = CanaryJson.Select(CanaryJson.Parse(body), _write.IdPath ?? CanaryConstants.DefaultIdPath);
        return string.IsNullOrEmpty(id) ? null : id;
    }
}
