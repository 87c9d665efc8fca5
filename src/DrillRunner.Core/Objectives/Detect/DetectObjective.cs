using DrillRunner.Scoring;

namespace DrillRunner.Objectives.Detect;

/// <summary>
/// Time to detect = E2 (first matching alert at or after the first fault, timed by its notification's arrival or its
/// own start) - E1 (first failing sample). No alert means detection failed; an unreachable source says so; the
/// runner's own probes are reported beside it and never count as the alert.
/// </summary>
internal sealed class DetectObjective(DetectOptions options) : IObjective
{
    internal const string Remedy =
        "Alert on what users feel: error rate and latency at the load balancer, with a short 'for' window, routed to someone who can act.";

    public string Kind => "detect";

    public double DefaultWeight => 15;

    public bool IsGate => false;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        Bound[] target = [Bound.AtMost(Measures.TimeToDetect, options.Target)];
        var detection = Detection.Measure(input, alertName: null);
        if (detection.Delay is not { } delay)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate, detection.Describe(), Remedy, Unmeasured: detection.NotDetected);
        }

        var met = delay <= options.Target;
        return new ObjectiveResult(Kind, target, [Measurement.Duration(Measures.TimeToDetect, delay)], met, met ? 1 : 0, weight, IsGate,
            detection.Describe(), met ? null : Remedy);
    }
}
