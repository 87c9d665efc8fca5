using DrillRunner.Scoring;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Objectives.Detect;

/// <summary>
/// E2 for <c>detect</c> and <c>alert</c>: the first alert (optionally of one name) that fired at or after the first
/// fault, detected when its notification arrived, or (polled only) when it fired by its own clock. Time to detect is
/// E2 - E1 (first failing sample), 0 when the alert came first.
/// </summary>
internal sealed record Detection(AlertSignal? Alert, DateTimeOffset? FirstFailure, TimeSpan? Delay, bool SourceUnreachable, string Probes)
{
    public static Detection Measure(ScoringInput input, string? alertName)
    {
        var fault = input.Window.FirstFaultAt ?? input.Window.MethodStart;
        var firstFailure = RecoveryAnalysis.FirstFailure(input);
        var alert = input.Timeline.Alerts
            .Where(a => a.FiredAt >= fault && (alertName is null || a.Name == alertName))
            .OrderBy(a => a.DetectedAt)
            .FirstOrDefault();
        var unreachable = input.Timeline.Events.Any(e => e.Kind == EventKinds.AlertSourceUnreachable);
        var probes = firstFailure is { } f
            ? $"runner probes saw the first failure {DurationParser.Format(f - fault)} after the fault"
            : "runner probes saw no failure (0s: the alert came before any failing sample)";
        TimeSpan? delay = alert is null ? null : firstFailure is { } start && alert.DetectedAt > start ? alert.DetectedAt - start : TimeSpan.Zero;
        return new Detection(alert, firstFailure, delay, unreachable, probes);
    }

    /// <summary>Why nothing was detected, for the achieved column: the source's state first.</summary>
    public string NotDetected => SourceUnreachable ? "not detected: source unreachable" : "not detected";

    public string Describe()
    {
        if (Alert is not { } a)
        {
            return $"{(SourceUnreachable ? "the alert source could not be read (see the timeline)" : "no matching alert fired")}; {Probes}";
        }

        var fired = $"alert {a.Name} fired {a.FiredAt:HH:mm:ss.fff}";
        var received = a.ReceivedAt is { } r
            ? $", notification received {r:HH:mm:ss.fff} ({DurationParser.Format(r - a.FiredAt)} later)"
            : ", no notification received (timed by the alert's own start, from polling)";
        return $"{fired}{received}; {Probes}";
    }
}
