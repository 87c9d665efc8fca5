namespace DrillRunner.Timeline;

/// <summary>How a step of the method ended.</summary>
public enum StepOutcome
{
    /// <summary>Made its change (a fault) or did its work (an action), verified.</summary>
    Done,

    /// <summary>Threw: a nonzero exit, a timeout, nobody acknowledged, a change that did not take.</summary>
    Failed,

    /// <summary>Stopped by an abort (operator, abort condition, a runbook step that failed before it).</summary>
    Interrupted,
}

/// <summary>
/// When one step of the method started and ended, and how: the timing of a runbook ("restore: 41 s, start: 3 s").
/// <see cref="Runbook"/> marks the steps a DR plan consists of (actions, human acknowledgements included), as opposed
/// to faults and background load.
/// </summary>
public sealed record StepRecord(
    string Step,
    string Kind,
    bool Runbook,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    StepOutcome Outcome,
    string Detail)
{
    public TimeSpan Duration => EndedAt - StartedAt;
}
