using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Model;
using DrillRunner.Timeline;

namespace DrillRunner.Alerts;

/// <summary>
/// Polls the drill's alert source during the run and records an <see cref="EventKinds.Alert"/> event the first time
/// each matching alert fires. An unreachable source is recorded once, so the report can say why detection failed.
/// </summary>
internal sealed class AlertWatcher(AlertSourceSpec source, HttpClient http, RunTimeline timeline, TimeProvider time)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private bool _reportedUnreachable;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await PollOnceAsync(cancellationToken);
            try
            {
                await Task.Delay(source.Interval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var path = source.Kind == AlertSourceKind.Prometheus ? "/api/v1/alerts" : "/api/v2/alerts?active=true";
            var document = await http.GetFromJsonAsync<JsonElement>(new Uri(new Uri(source.Url), path), timeout.Token);
            foreach (var labels in FiringAlerts(document))
            {
                if (source.Match.All(m => labels.GetValueOrDefault(m.Key) == m.Value) && _seen.Add(Fingerprint(labels)))
                {
                    timeline.Add(new TimelineEvent(time.GetUtcNow(), EventKinds.Alert, $"alert {labels.GetValueOrDefault("alertname", "?")} firing ({Fingerprint(labels)})"));
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (!_reportedUnreachable)
            {
                _reportedUnreachable = true;
                timeline.Add(new TimelineEvent(time.GetUtcNow(), EventKinds.Note, $"alert source {source.Url} unreachable: {ex.Message}"));
            }
        }
    }

    private IEnumerable<Dictionary<string, string>> FiringAlerts(JsonElement document)
    {
        var alerts = source.Kind == AlertSourceKind.Prometheus ? document.GetProperty("data").GetProperty("alerts") : document;
        foreach (var alert in alerts.EnumerateArray())
        {
            var state = source.Kind == AlertSourceKind.Prometheus
                ? alert.GetProperty("state").GetString()
                : alert.GetProperty("status").GetProperty("state").GetString() == "active" ? "firing" : "other";
            if (state == "firing")
            {
                yield return alert.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            }
        }
    }

    private static string Fingerprint(Dictionary<string, string> labels) =>
        string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
