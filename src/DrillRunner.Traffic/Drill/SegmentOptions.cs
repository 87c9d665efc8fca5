using DrillRunner.Units;

namespace DrillRunner.Traffic.Drill;

/// <summary>One stretch of a traffic profile: <c>{ from: 50/s, to: 500/s, over: 30s }</c>.</summary>
public sealed class SegmentOptions
{
    public Rate From { get; init; }

    /// <summary>Defaults to <see cref="From"/> (a constant stretch).</summary>
    public Rate? To { get; init; }

    public TimeSpan Over { get; init; }
}
