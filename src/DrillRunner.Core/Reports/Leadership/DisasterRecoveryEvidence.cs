using DrillRunner.Scoring;

namespace DrillRunner.Reports.Leadership;

/// <summary>
/// Whether an environment's DR plan has been proven recently: its last successful restore drill (a run that lost the
/// database and restored it, verdict PASS) with the RTO/RPO it measured against its targets, how many days ago it
/// ran, and whether that is longer than the drill's schedule period (30 days unscheduled). Null fields: no
/// successful restore in the period; the last attempt says how the latest one ended.
/// </summary>
public sealed record DisasterRecoveryEvidence(
    string Environment,
    string? Drill,
    string? RunId,
    DateTimeOffset? At,
    DisasterRecoveryFigures? Figures,
    int DaysAgo,
    TimeSpan FreshFor,
    bool Stale,
    int Attempts,
    Verdict? LastAttemptVerdict,
    DateTimeOffset? LastAttemptAt)
{
    public bool Proven => RunId is not null;
}
