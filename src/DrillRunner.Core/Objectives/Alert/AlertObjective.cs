using DrillRunner.Objectives.Detect;
using DrillRunner.Scoring;

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
        Bound[] target = [Bound.AtMost(Measures.TimeToAlert, options.Within)];
        var detection = Detection.Measure(input, options.Name);
        var remedy = $"Make {options.Name} fire sooner and reach someone: a shorter 'for' and rate window, Alertmanager's group_wait, a route that ends at the on-call. {DetectObjective.Remedy}";
        var detail = $"alert {options.Name}: {detection.Describe()}";
        if (detection.Delay is not { } delay)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate, detail, remedy, Unmeasured: detection.NotDetected);
        }

        var met = delay <= options.Within;
        return new ObjectiveResult(Kind, target, [Measurement.Duration(Measures.TimeToAlert, delay)], met, met ? 1 : 0, weight, IsGate, detail, met ? null : remedy);
    }
}
