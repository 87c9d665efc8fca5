using DrillRunner.Scoring;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Objectives.Detect;

/// <summary>
/// Time to detect = E2 (first alert at or after the first fault) - E1 (first failing sample). No alert means
/// detection failed; the runner's own probes are reported beside it and never count as the alert.
/// </summary>
internal sealed class DetectObjective(DetectOptions options) : IObjective
{
    private const string Remedy =
        "Alert on what users feel: error rate and latency at the load balancer, with a short 'for' window, routed to someone who can act.";

    public string Kind => "detect";

    public double DefaultWeight => 15;

    public bool IsGate => false;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        Bound[] target = [Bound.AtMost(Measures.TimeToDetect, options.Target)];
        var fault = input.Window.FirstFaultAt ?? input.Window.MethodStart;
        var firstFailure = RecoveryAnalysis.FirstFailure(input);
        var alert = input.Timeline.Events.Where(e => e.Kind == EventKinds.Alert && e.At >= fault).Select(e => (DateTimeOffset?)e.At).Min();
        var probes = firstFailure is { } f ? $"runner probes saw the first failure {DurationParser.Format(f - fault)} after the fault" : "runner probes saw no failure";
        if (alert is null)
        {
            var why = input.Timeline.Events.FirstOrDefault(e => e.Message.StartsWith("alert source", StringComparison.Ordinal))?.Message ?? "no alert fired";
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate, $"{why}; {probes}", Remedy, Unmeasured: "not detected");
        }

        var detect = firstFailure is { } start && alert > start ? alert.Value - start : TimeSpan.Zero;
        var met = detect <= options.Target;
        return new ObjectiveResult(Kind, target, [Measurement.Duration(Measures.TimeToDetect, detect)], met, met ? 1 : 0, weight, IsGate,
            $"first alert {alert:HH:mm:ss.fff}; {probes}", met ? null : Remedy);
    }
}
