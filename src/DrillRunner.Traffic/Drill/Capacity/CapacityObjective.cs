using System.Globalization;
using DrillRunner.Scoring;
using DrillRunner.Units;

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
        var target = $"headroom >= {options.MinHeadroom.ToString("0.0#", CultureInfo.InvariantCulture)}x";
        var finding = input.Timeline.Capacity.FirstOrDefault(f => options.Step is null || f.Step == options.Step);
        if (finding is null)
        {
            return new ObjectiveResult(Kind, target, "not measured", false, 0, weight, IsGate, "the capacity step did not finish (see the timeline)", Remedy);
        }

        var detail = CapacityTestStep.Summary(finding);
        if (finding.Headroom is not { } headroom)
        {
            return new ObjectiveResult(Kind, target, "no rate held", false, 0, weight, IsGate, detail, Remedy);
        }

        var met = headroom >= options.MinHeadroom;
        var achieved = $"headroom {headroom.ToString("0.0#", CultureInfo.InvariantCulture)}x ({new Rate(finding.KneePerSecond!.Value)})";
        return new ObjectiveResult(Kind, target, achieved, met, met ? 1 : Math.Clamp(headroom / options.MinHeadroom, 0, 1), weight, IsGate, detail, met ? null : Remedy);
    }
}
