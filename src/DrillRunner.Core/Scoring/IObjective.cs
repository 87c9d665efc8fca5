namespace DrillRunner.Scoring;

/// <summary>A recovery objective: evaluates the run against its target. Pure: no clock, no I/O.</summary>
public interface IObjective
{
    string Kind { get; }

    /// <summary>Weight in the score unless the drill sets one.</summary>
    double DefaultWeight { get; }

    /// <summary>A missed gate (RTO, RPO) fails the run whatever the score.</summary>
    bool IsGate { get; }

    ObjectiveResult Evaluate(ScoringInput input, double weight);
}
