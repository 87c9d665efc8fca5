namespace DrillRunner.Scoring;

public enum Verdict
{
    Pass,
    Fail,
    Inconclusive,
}

/// <summary>
/// The run's overall score (0-100), verdict and band, with each objective, any validity problems, and the runbook
/// steps that failed (each one fails the run: a DR plan that does not work is not rescued by the numbers).
/// </summary>
public sealed record Score(
    double Value,
    Verdict Verdict,
    string Band,
    IReadOnlyList<ObjectiveResult> Objectives,
    IReadOnlyList<string> ValidityProblems)
{
    /// <summary>"restore: exit 1: ..." for each runbook step that failed; empty in results saved before step timing.</summary>
    public IReadOnlyList<string> RunbookFailures
    {
        get;
        init => field = value ?? [];
    } = [];
}
