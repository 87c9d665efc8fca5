using System.Globalization;
using DrillRunner.Loading;
using DrillRunner.Timeline;

namespace DrillRunner.Scoring;

/// <summary>
/// The scoring model of DESIGN.md: 100 x sum(w s) / sum(w) over the declared objectives; a missed gate or a
/// score under the drill's pass score fails; invalid measurements (traffic short of plan, probe gaps) make the
/// run INCONCLUSIVE instead of scored.
/// </summary>
public static class Scorer
{
    /// <summary>Achieved traffic under this share of plan makes the run inconclusive.</summary>
    public const double MinimumTrafficShare = 0.99;

    public static Score Score(IReadOnlyList<WeightedObjective> objectives, ScoringInput input, double passScore, IReadOnlyDictionary<string, TimeSpan> probeIntervals)
    {
        var results = objectives.Select(o => o.Objective.Evaluate(input, o.Weight)).ToList();
        var totalWeight = results.Sum(r => r.Weight);
        var value = totalWeight <= 0 ? 100 : Math.Round(100 * results.Sum(r => r.Weight * r.Score) / totalWeight, 1);
        var validity = ValidityChecks.Problems(input, probeIntervals);
        var runbook = input.Timeline.Steps.Where(s => s.Runbook && s.Outcome == StepOutcome.Failed).Select(s => $"{s.Step}: {s.Detail}").ToList();

        // A failed runbook step is a finding in itself, whatever the measurements: the DR plan did not work.
        var verdict = runbook.Count > 0 ? Verdict.Fail
            : validity.Count > 0 ? Verdict.Inconclusive
            : results.Any(r => r.IsGate && !r.Met) || value < passScore ? Verdict.Fail
            : Verdict.Pass;
        return new Score(value, verdict, Band(value), results, validity) { RunbookFailures = runbook };
    }

    public static string Band(double value) => value switch
    {
        >= 90 => "strong",
        >= 75 => "adequate",
        >= 50 => "weak",
        _ => "failing",
    };

    internal static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
