namespace DrillRunner.Model;

/// <summary>Something that happens at an offset in the drill: a fault (with an optional duration) or an action.</summary>
public class StepOptions : ComponentOptions
{
    /// <summary>Offset from the start of the drill's method phase.</summary>
    public TimeSpan At { get; init; }

    /// <summary>Optional label used in the timeline and report.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// For faults: how long the fault stays before it is undone. Without it the fault stays until the
    /// restore phase.
    /// </summary>
    [DurationRange("1ms", "24h")]
    public TimeSpan? Duration { get; init; }
}
