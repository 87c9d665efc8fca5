using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Model;
using DrillRunner.Timeline;

namespace DrillRunner.Alerts;

/// <summary>
/// Polls the drill's alert source during the run: the fallback when no notification arrives. Alerts are recorded with
/// their own start time (Prometheus <c>activeAt</c> + <c>for</c>, Alertmanager <c>startsAt</c>), never the poll's time.
/// An unreachable source is recorded once, so the report can say why detection failed.
/// </summary>
internal sealed class AlertWatcher(AlertSourceSpec source, HttpClient http, RunTimeline timeline, TimeProvider time)
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(5);
    private readonly AlertRecorder _recorder = new(source, timeline);
    private bool _reportedUnreachable;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // A poll in flight when the run stops ends cancelled (the HttpClient says so in its own words): the
                // stop, not a failure of the run.
                await PollOnceAsync(cancellationToken);
                await Task.Delay(source.Interval, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    internal async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(PollTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var prometheus = source.Kind == AlertSourceKind.Prometheus;
            var path = prometheus ? "api/v1/rules?type=alert" : "api/v2/alerts?active=true&silenced=false&inhibited=false";
            var document = await http.GetFromJsonAsync<JsonElement>(new Uri(new Uri(source.Url.TrimEnd('/') + "/"), path), linked.Token);
            _recorder.Record(prometheus ? AlertPayloads.FromPrometheusRules(document) : AlertPayloads.FromAlertmanagerApi(document), receivedAt: null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (!_reportedUnreachable)
            {
                _reportedUnreachable = true;
                timeline.Add(new TimelineEvent(time.GetUtcNow(), EventKinds.AlertSourceUnreachable, $"alert source {source.Url} unreachable: {ex.Message}"));
            }
        }
    }
}
