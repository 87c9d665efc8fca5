using DrillRunner.Scoring;
using DrillRunner.Units;

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
        var target = $"<= {DurationParser.Format(options.Target)}";
        var detection = Detection.Measure(input, alertName: null);
        if (detection.Delay is not { } delay)
        {
            return new ObjectiveResult(Kind, target, detection.NotDetected, false, 0, weight, IsGate, detection.Describe(), Remedy);
        }

        var met = delay <= options.Target;
        return new ObjectiveResult(Kind, target, detection.Achieved(delay), met, met ? 1 : 0, weight, IsGate, detection.Describe(), met ? null : Remedy);
    }
}
