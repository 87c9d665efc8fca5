namespace DrillRunner.Scoring;

public enum Verdict
{
    Pass,
    Fail,
    Inconclusive,
}

/// <summary>The run's overall score (0-100), verdict and band, with each objective and any validity problems.</summary>
public sealed record Score(
    double Value,
    Verdict Verdict,
    string Band,
    IReadOnlyList<ObjectiveResult> Objectives,
    IReadOnlyList<string> ValidityProblems);
