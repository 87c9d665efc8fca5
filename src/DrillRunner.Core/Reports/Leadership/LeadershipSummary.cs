using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Scoring;

namespace DrillRunner.Reports.Leadership;

/// <summary>A run as the journal keeps it, with its result document when it finished with one.</summary>
public sealed record StoredRun(RunRecord Record, RunResult? Result);

public enum TrendDirection
{
    NotEnoughData,
    Improving,
    Steady,
    Declining,
}

/// <summary>A drill's latest scores, oldest first, and which way they go.</summary>
public sealed record ScoreTrend(string Drill, IReadOnlyList<double> Scores, TrendDirection Direction);

/// <summary>One run's objective of a given kind, and whether its measurements met its targets.</summary>
public sealed record ComplianceCheck(string Drill, string RunId, DateTimeOffset At, ObjectiveResult Objective, bool Met);

/// <summary>Compliance with one objective kind (RTO = <c>recover</c>, RPO = <c>data-loss</c>) over the latest runs.</summary>
public sealed record ObjectiveCompliance(string Kind, string Label, IReadOnlyList<ComplianceCheck> Checks)
{
    public int Compliant => Checks.Count(c => c.Met);

    /// <summary>Compliant share in [0, 1]; null when no run measured this objective.</summary>
    public double? Share => Checks.Count == 0 ? null : (double)Compliant / Checks.Count;
}

/// <summary>When a drill last ran and whether that is too long ago.</summary>
public sealed record DrillFreshness(string Drill, DateTimeOffset? LastRun, int RunsInPeriod, bool Stale);

/// <summary>Nearest-rank percentiles of a duration over <see cref="Count"/> measurements.</summary>
public sealed record TimingPercentiles(TimeSpan P50, TimeSpan P90, int Count);

/// <summary>
/// The period's measured data loss from <c>data-loss</c> results: RPO percentiles (zeros count: no loss is a
/// measurement), acknowledged writes lost in total, the worst RPO, and the runs that could not know their loss.
/// </summary>
public sealed record RecoveryPointFigures(TimingPercentiles? Rpo, long LostWrites, int Unknown, RecoveryPointWorst? Worst);

public sealed record RecoveryPointWorst(string Drill, string RunId, DateTimeOffset At, TimeSpan Rpo, long LostWrites);

/// <summary>A corrective action still open: called for by the latest run of its drill.</summary>
public sealed record OpenAction(string Drill, string RunId, DateTimeOffset At, string Kind, string Title, string Text);

/// <summary>The leadership roll-up of the runs in a period; a pure function of the runs, options and "now".</summary>
public sealed record LeadershipSummary(
    DateTimeOffset GeneratedAt,
    DateTimeOffset PeriodStart,
    IReadOnlyList<string> ExecutiveSummary,
    IReadOnlyList<ScoreTrend> Trends,
    IReadOnlyList<ObjectiveCompliance> Compliance,
    IReadOnlyList<DrillFreshness> Coverage,
    TimingPercentiles? TimeToRecover,
    TimingPercentiles? TimeToDetect,
    IReadOnlyList<OpenAction> CorrectiveActions,
    TimeSpan StaleAfter,
    RecoveryPointFigures? RecoveryPoint = null)
{
    /// <summary>Incidents replayed before and after their fixes (drills with <c>incident:</c>).</summary>
    public IReadOnlyList<IncidentSeries> Incidents { get; init; } = [];

    /// <summary>Per environment: when its DR plan was last proven by a restore drill, and with what RTO/RPO.</summary>
    public IReadOnlyList<DisasterRecoveryEvidence> DisasterRecovery
    {
        get;
        init => field = value ?? [];
    } = [];
}
