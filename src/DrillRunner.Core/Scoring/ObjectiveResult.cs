namespace DrillRunner.Scoring;

/// <summary>How one objective fared: target vs achieved, its 0..1 score and weight, and what to do when missed.</summary>
public sealed record ObjectiveResult(
    string Kind,
    string Target,
    string Achieved,
    bool Met,
    double Score,
    double Weight,
    bool IsGate,
    string Detail,
    string? Remedy = null);
