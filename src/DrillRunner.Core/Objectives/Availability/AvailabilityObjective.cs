using System.Globalization;
using DrillRunner.Model;
using DrillRunner.Scoring;

namespace DrillRunner.Objectives.Availability;

/// <summary>
/// Good / total requests from generated traffic when the drill has any, else from probe samples. Scored on
/// the error budget: 1 within budget, falling linearly to 0 at twice the budget.
/// </summary>
internal sealed class AvailabilityObjective(AvailabilityOptions options) : IObjective
{
    public string Kind => "availability";

    public double DefaultWeight => 20;

    public bool IsGate => false;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        var (good, total, source) = Count(input);
        Bound[] target = [Bound.AtLeastRatio(Measures.Availability, options.Target.Fraction)];
        if (total == 0)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate, "no requests or samples in the drill window", Unmeasured: "no data");
        }

        var achieved = (double)good / total;
        var budget = 1 - options.Target.Fraction;
        var errors = 1 - achieved;
        var score = budget <= 0 ? (errors <= 0 ? 1 : 0) : Math.Clamp(1 - ((errors - budget) / budget), 0, 1);
        var met = achieved >= options.Target.Fraction;
        return new ObjectiveResult(Kind, target, [Measurement.Ratio(Measures.Availability, achieved)], met, met ? 1 : score, weight, IsGate,
            $"{good.ToString(CultureInfo.InvariantCulture)} good of {total.ToString(CultureInfo.InvariantCulture)} {source}",
            met ? null : "Add redundancy so one failure does not reach users: more instances behind health-checked load balancing, retries on idempotent requests, faster failure detection.");
    }

    private (long Good, long Total, string Source) Count(ScoringInput input)
    {
        var from = input.Window.MethodStart;
        var to = input.Window.End;
        var probes = ProbeSelection.Of(options.Probe, options.Probes);
        var traffic = input.Timeline.Traffic.Where(t => t.Start >= from && t.Start < to).ToList();
        if (traffic.Count > 0 && probes is null)
        {
            return (traffic.Sum(t => t.Ok), traffic.Sum(t => t.Ok + t.Failed), "requests");
        }

        var samples = input.Timeline.Samples.Where(s => s.At >= from && s.At < to && probes.Includes(s.Probe)).ToList();
        return (samples.Count(s => s.Ok), samples.Count, "probe samples" + ProbeSelection.Describe(probes));
    }
}
