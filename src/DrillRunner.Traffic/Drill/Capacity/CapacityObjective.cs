using DrillRunner.Scoring;

namespace DrillRunner.Traffic.Drill.Capacity;

/// <summary>
/// Headroom = knee / expected peak, from the capacity step's finding in the timeline. Met at or above the minimum;
/// below it the score falls in proportion. No finding, or no rate that held, is a miss.
/// </summary>
internal sealed class CapacityObjective(CapacityObjectiveOptions options) : IObjective
{
    private const string Remedy =
        "Raise capacity before the peak comes: more instances ahead of known events (or autoscaling that reacts within the ramp), and fix the bottleneck the knee shows (concurrency limits, pool sizes, slow code paths).";

    public string Kind => "capacity";

    public double DefaultWeight => 20;

    public bool IsGate => false;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        Bound[] target = [Bound.AtLeastFactor(Measures.Headroom, options.MinHeadroom)];
        var finding = input.Timeline.Capacity.FirstOrDefault(f => options.Step is null || f.Step == options.Step);
        if (finding is null)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate, "the capacity step did not finish (see the timeline)", Remedy, Unmeasured: "not measured");
        }

        var detail = CapacityTestStep.Summary(finding);
        if (finding.Headroom is not { } headroom)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate, detail, Remedy, Unmeasured: "no rate held");
        }

        var met = headroom >= options.MinHeadroom;
        return new ObjectiveResult(Kind, target, [Measurement.Factor(Measures.Headroom, headroom), Measurement.Rate(Measures.Knee, finding.KneePerSecond!.Value)],
            met, met ? 1 : Math.Clamp(headroom / options.MinHeadroom, 0, 1), weight, IsGate, detail, met ? null : Remedy);
    }
}
