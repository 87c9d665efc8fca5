namespace DrillRunner.Runs;

/// <summary>What became of a trigger: accepted (with its run id), or why not.</summary>
internal sealed record TriggerOutcome(string? RunId, TriggerRefusal Refusal = TriggerRefusal.None, string? Detail = null)
{
    public static TriggerOutcome Refused(TriggerRefusal refusal, string detail) => new(null, refusal, detail);
}

internal enum TriggerRefusal
{
    None,
    UnknownDrill,
    InvalidDrill,
    Busy,

    /// <summary>The halt-all switch is on: no run starts until it is released.</summary>
    Halted,
}
