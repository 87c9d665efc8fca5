using DrillRunner.Model;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Alerts;

/// <summary>
/// Puts the alerts that match the drill's <c>match</c> labels into the timeline, timed by the alert (fired) and by the
/// notification's arrival (received), with one event for each the first time it is known.
/// </summary>
internal sealed class AlertRecorder(AlertSourceSpec source, RunTimeline timeline)
{
    public void Record(IReadOnlyList<ObservedAlert> alerts, DateTimeOffset? receivedAt)
    {
        foreach (var alert in alerts.Where(a => source.Match.All(m => a.Labels.GetValueOrDefault(m.Key) == m.Value)))
        {
            var known = timeline.Snapshot().Alerts.Any(a => a.Fingerprint == alert.Fingerprint);
            if (timeline.RecordAlert(alert.Name, alert.Fingerprint, alert.FiredAt, receivedAt) is not { } signal)
            {
                continue;
            }

            if (!known)
            {
                var how = receivedAt is null ? $"seen by polling {source.Url}" : "reported by Alertmanager's notification";
                timeline.Add(new TimelineEvent(signal.FiredAt, EventKinds.Alert, $"alert {signal.Name} fired ({how}; {signal.Fingerprint})"));
            }

            if (receivedAt is { } at)
            {
                timeline.Add(new TimelineEvent(at, EventKinds.Alert,
                    $"notification of alert {signal.Name} received by the webhook receiver, {DurationParser.Format(at - signal.FiredAt)} after it fired"));
            }
        }
    }
}
