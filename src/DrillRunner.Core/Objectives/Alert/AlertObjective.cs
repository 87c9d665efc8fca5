using DrillRunner.Objectives.Detect;
using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Objectives.Alert;

/// <summary>
/// A named alert reached DrillRunner within the target of the first failure: E2 of that alert only (notification
/// arrival, or its own start when only polled) - E1. <c>detect</c> takes any matching alert.
/// </summary>
internal sealed class AlertObjective(AlertOptions options) : IObjective
{
    public string Kind => "alert";

    public double DefaultWeight => 15;

    public bool IsGate => false;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        var target = $"{options.Name} <= {DurationParser.Format(options.Within)}";
        var detection = Detection.Measure(input, options.Name);
        var remedy = $"Make {options.Name} fire sooner and reach someone: a shorter 'for' and rate window, Alertmanager's group_wait, a route that ends at the on-call. {DetectObjective.Remedy}";
        if (detection.Delay is not { } delay)
        {
            return new ObjectiveResult(Kind, target, detection.NotDetected, false, 0, weight, IsGate, detection.Describe(), remedy);
        }

        var met = delay <= options.Within;
        return new ObjectiveResult(Kind, target, detection.Achieved(delay), met, met ? 1 : 0, weight, IsGate, detection.Describe(), met ? null : remedy);
    }
}
