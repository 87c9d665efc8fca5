using DrillRunner.Journal;
using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Reports.Leadership;

/// <summary>The figures of the leadership report, each from the period's runs (ordered oldest first).</summary>
internal static class LeadershipFigures
{
    public static IReadOnlyList<ScoreTrend> Trends(IReadOnlyList<StoredRun> runs, LeadershipOptions options) =>
        runs.Where(IsScored).GroupBy(r => r.Record.Drill, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var scores = g.Select(ScoreOf).TakeLast(options.TrendLength).ToList();
            var delta = scores.Count < 2 ? 0 : scores[^1] - scores[0];
            var direction = scores.Count < 2 ? TrendDirection.NotEnoughData
                : delta >= options.TrendThreshold ? TrendDirection.Improving
                : delta <= -options.TrendThreshold ? TrendDirection.Declining
                : TrendDirection.Steady;
            return new ScoreTrend(g.Key, scores, direction);
        }).ToList();

    public static ObjectiveCompliance Compliance(IReadOnlyList<StoredRun> runs, string kind, string label, int perDrill)
    {
        var checks = runs.Where(IsValid)
            .Select(r => (Run: r, Objective: r.Result!.Score!.Objectives.FirstOrDefault(o => o.Kind == kind)))
            .Where(x => x.Objective is not null)
            .GroupBy(x => x.Run.Record.Drill, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.TakeLast(perDrill))
            .Select(x => new ComplianceCheck(x.Run.Record.Drill, x.Run.Record.Id, x.Run.Record.StartedAt, x.Objective!.Target, x.Objective.Achieved, x.Objective.Met))
            .ToList();
        return new ObjectiveCompliance(kind, label, checks);
    }

    public static IReadOnlyList<DrillFreshness> Coverage(IReadOnlyList<StoredRun> finished, IReadOnlyList<StoredRun> inPeriod, LeadershipOptions options, DateTimeOffset now)
    {
        // A run that never started exercised nothing, so it does not make a drill fresh.
        var exercised = finished.Where(r => r.Record.Status != RunStatus.NotStarted).ToList();
        return options.KnownDrills.Concat(finished.Select(r => r.Record.Drill)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(drill =>
        {
            var last = exercised.Where(r => r.Record.Drill == drill).Select(r => (DateTimeOffset?)r.Record.StartedAt).Max();
            var count = inPeriod.Count(r => r.Record.Drill == drill);
            return new DrillFreshness(drill, last, count, last is null || now - last.Value > options.StaleAfter);
        }).ToList();
    }

    /// <summary>
    /// Percentiles of an objective's measured duration. Runs where it was not measured as a plain duration
    /// (no failing sample, not recovered, no alert) are left out; the compliance figures count the misses.
    /// </summary>
    public static TimingPercentiles? Timing(IReadOnlyList<StoredRun> runs, string kind)
    {
        var values = runs.Where(IsValid)
            .Select(r => r.Result!.Score!.Objectives.FirstOrDefault(o => o.Kind == kind)?.Achieved)
            .Select(a => a is not null && DurationParser.TryParse(a, out var d, out _) ? d : (TimeSpan?)null)
            .OfType<TimeSpan>()
            .Order()
            .ToList();
        return values.Count == 0 ? null : new TimingPercentiles(Percentiles.NearestRank(values, 0.5), Percentiles.NearestRank(values, 0.9), values.Count);
    }

    public static IReadOnlyList<OpenAction> OpenActions(IReadOnlyList<StoredRun> runs) =>
        runs.Where(r => r.Result is not null).GroupBy(r => r.Record.Drill, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Last())
            .SelectMany(r => CorrectiveActions.Of(r.Result!)
                // An inconclusive run's misses are not trusted measurements; an environment left unrestored is real.
                .Where(a => r.Result!.Score?.Verdict != Verdict.Inconclusive || a.Kind == CorrectiveActions.RestoreKind)
                .Select(a => new OpenAction(r.Record.Drill, r.Record.Id, r.Record.StartedAt, a.Kind, a.Title, a.Text)))
            .ToList();

    public static IReadOnlyList<string> Executive(
        IReadOnlyList<StoredRun> runs, IReadOnlyList<ScoreTrend> trends, ObjectiveCompliance rto, TimingPercentiles? recover,
        IReadOnlyList<DrillFreshness> coverage, IReadOnlyList<OpenAction> actions, DateTimeOffset periodStart, LeadershipOptions options)
    {
        var verdicts = runs.Select(VerdictOf).ToList();
        var restoreFailures = runs.Count(r => r.Record.Status == RunStatus.RestoreFailed);
        var drills = runs.Select(r => r.Record.Drill).Distinct(StringComparer.Ordinal).Count();
        var first = $"{runs.Count} runs of {drills} drills since {periodStart:yyyy-MM-dd}: {verdicts.Count(v => v == Verdict.Pass)} passed, "
            + $"{verdicts.Count(v => v == Verdict.Fail)} failed, {verdicts.Count(v => v == Verdict.Inconclusive)} inconclusive, {verdicts.Count(v => v is null)} not scored"
            + (restoreFailures > 0 ? $"; {restoreFailures} left the environment unrestored." : ".");
        var second = rto.Share is { } share
            ? $"RTO met in {rto.Compliant} of {rto.Checks.Count} recent runs ({new Percentage(share)})"
                + (recover is null ? "." : $"; time to recover p50 {DurationParser.Format(recover.P50)}, p90 {DurationParser.Format(recover.P90)}.")
            : "No run in the period measured RTO.";
        var stale = coverage.Where(c => c.Stale).Select(c => c.Drill).ToList();
        var declining = trends.Where(t => t.Direction == TrendDirection.Declining).Select(t => t.Drill).ToList();
        var third = $"{stale.Count} of {coverage.Count} drills not run in {options.StaleAfter.TotalDays:0} days{(stale.Count > 0 ? " (" + string.Join(", ", stale) + ")" : "")}; "
            + $"{actions.Count} open corrective actions{(declining.Count > 0 ? "; scores declining: " + string.Join(", ", declining) : "")}.";
        return [first, second, third];
    }

    /// <summary>"Incident checkout-outage: before the fixes FAIL 15.8, after the fixes PASS 92.4."</summary>
    public static string IncidentLine(IncidentSeries series) =>
        $"Incident {series.Incident}: " + string.Join(", ", series.Stages.Select(s => $"{StageWord(s.Stage)} {s.Verdict.ToString().ToUpperInvariant()} {Scorer.Format(s.Score)} ({s.Drill})")) + ".";

    public static string StageWord(Model.IncidentStage stage) => stage == Model.IncidentStage.BeforeFixes ? "before the fixes" : "after the fixes";

    private static Verdict? VerdictOf(StoredRun run) =>
        run.Result?.Score?.Verdict ?? (Enum.TryParse<Verdict>(run.Record.Verdict, ignoreCase: true, out var v) ? v : null);

    private static bool IsScored(StoredRun run) => VerdictOf(run) is Verdict.Pass or Verdict.Fail && (run.Result?.Score is not null || run.Record.Score is not null);

    private static double ScoreOf(StoredRun run) => run.Result?.Score?.Value ?? run.Record.Score!.Value;

    // Measurements of an inconclusive run cannot be trusted, so they count for neither compliance nor timing.
    private static bool IsValid(StoredRun run) => run.Result?.Score is { Verdict: not Verdict.Inconclusive };
}
