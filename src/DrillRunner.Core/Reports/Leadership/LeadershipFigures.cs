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
            .Select(x => new ComplianceCheck(x.Run.Record.Drill, x.Run.Record.Id, x.Run.Record.StartedAt, x.Objective!, Complies(x.Objective!)))
            .ToList();
        return new ObjectiveCompliance(kind, label, checks);
    }

    /// <summary>
    /// Every target bound met by the measurement of its name; a missing measurement (not recovered, read-back
    /// impossible) never complies. Results saved before typed targets count by their recorded verdict.
    /// </summary>
    public static bool Complies(ObjectiveResult objective) =>
        objective.Targets.Count == 0 ? objective.Met : objective.Targets.All(b => b.IsMetBy(objective.Measurements));

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
    /// Percentiles of a measured duration of an objective. Runs where it was not measured (not recovered, no
    /// alert) are left out, and with <paramref name="skipZero"/> so are zeros (an RTO of 0 means nothing failed:
    /// no recovery to time); the compliance figures count the misses.
    /// </summary>
    public static TimingPercentiles? Timing(IReadOnlyList<StoredRun> runs, string kind, string measure, bool skipZero = false)
    {
        var values = runs.Where(IsValid)
            .Select(r => r.Result!.Score!.Objectives.FirstOrDefault(o => o.Kind == kind)?.Find(measure))
            .Where(m => m is { Unit: MeasurementUnit.Seconds } && !(skipZero && m.Value == 0))
            .Select(m => m!.AsDuration())
            .Order()
            .ToList();
        return values.Count == 0 ? null : new TimingPercentiles(Percentiles.NearestRank(values, 0.5), Percentiles.NearestRank(values, 0.9), values.Count);
    }

    /// <summary>Data loss over the valid runs of the period that declare <c>data-loss</c>; null when none does.</summary>
    public static RecoveryPointFigures? RecoveryPoint(IReadOnlyList<StoredRun> runs)
    {
        var results = runs.Where(IsValid)
            .Select(r => (Run: r, Objective: r.Result!.Score!.Objectives.FirstOrDefault(o => o.Kind == "data-loss")))
            .Where(x => x.Objective is not null)
            .ToList();
        if (results.Count == 0)
        {
            return null;
        }

        var measured = results
            .Select(x => (x.Run, Rpo: x.Objective!.Find(Measures.Rpo), Lost: x.Objective.Find(Measures.LostWrites)))
            .Where(x => x.Rpo is { Unit: MeasurementUnit.Seconds } && x.Lost is { Unit: MeasurementUnit.Count })
            .ToList();
        var rpos = measured.Select(m => m.Rpo!.AsDuration()).Order().ToList();
        var worst = measured.OrderByDescending(m => m.Rpo!.Value).ThenByDescending(m => m.Lost!.Value).Select(m =>
            new RecoveryPointWorst(m.Run.Record.Drill, m.Run.Record.Id, m.Run.Record.StartedAt, m.Rpo!.AsDuration(), (long)m.Lost!.Value)).FirstOrDefault();
        return new RecoveryPointFigures(
            rpos.Count == 0 ? null : new TimingPercentiles(Percentiles.NearestRank(rpos, 0.5), Percentiles.NearestRank(rpos, 0.9), rpos.Count),
            measured.Sum(m => (long)m.Lost!.Value),
            results.Count - measured.Count,
            worst);
    }

    /// <summary>
    /// Per environment with restore drills in the period: its last successful one, typed figures, age and freshness
    /// (stale after the drill's schedule period, or <see cref="LeadershipOptions.StaleAfter"/> unscheduled).
    /// </summary>
    public static IReadOnlyList<DisasterRecoveryEvidence> DisasterRecovery(IReadOnlyList<StoredRun> runs, LeadershipOptions options, DateTimeOffset now) =>
        runs.Where(r => r.Result is { } result && DisasterRecoveryFigures.IsRestoreDrill(result))
            .GroupBy(r => r.Record.Environment, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var attempts = g.OrderBy(r => r.Record.StartedAt).ToList();
                var last = attempts[^1];
                var proof = attempts.LastOrDefault(r => r.Result!.Score?.Verdict == Verdict.Pass);
                var freshFor = proof?.Result!.SchedulePeriod ?? options.StaleAfter;
                var age = proof is null ? (TimeSpan?)null : now - proof.Record.StartedAt;
                return new DisasterRecoveryEvidence(
                    g.Key,
                    proof?.Record.Drill,
                    proof?.Record.Id,
                    proof?.Record.StartedAt,
                    proof is null ? null : DisasterRecoveryFigures.From(proof.Result!),
                    age is { } a ? (int)Math.Floor(a.TotalDays) : 0,
                    freshFor,
                    age is null || age.Value > freshFor,
                    attempts.Count,
                    last.Result!.Score?.Verdict,
                    last.Record.StartedAt);
            }).ToList();

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
        ObjectiveCompliance rpo, RecoveryPointFigures? recoveryPoint,
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
        var dataLoss = rpo.Share is { } rpoShare && recoveryPoint is not null
            ? $"RPO met in {rpo.Compliant} of {rpo.Checks.Count} recent runs ({new Percentage(rpoShare)}); {recoveryPoint.LostWrites} acknowledged writes lost in the period"
                + (recoveryPoint.Worst is { } w ? $", worst RPO {DurationParser.Format(w.Rpo)} ({w.Drill})" : "")
                + (recoveryPoint.Unknown > 0 ? $"; {recoveryPoint.Unknown} runs could not measure their data loss." : ".")
            : null;
        var stale = coverage.Where(c => c.Stale).Select(c => c.Drill).ToList();
        var declining = trends.Where(t => t.Direction == TrendDirection.Declining).Select(t => t.Drill).ToList();
        var third = $"{stale.Count} of {coverage.Count} drills not run in {options.StaleAfter.TotalDays:0} days{(stale.Count > 0 ? " (" + string.Join(", ", stale) + ")" : "")}; "
            + $"{actions.Count} open corrective actions{(declining.Count > 0 ? "; scores declining: " + string.Join(", ", declining) : "")}.";
        return dataLoss is null ? [first, second, third] : [first, second, dataLoss, third];
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
