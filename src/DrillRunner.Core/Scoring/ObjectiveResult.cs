namespace DrillRunner.Scoring;

/// <summary>How one objective fared: target vs achieved, its 0..1 score and weight.</summary>
public sealed record ObjectiveResult(
    string Kind,
    string Target,
    string Achieved,
    bool Met,
    double Score,
    double Weight,
    bool IsGate,
    string Detail);
