using DrillRunner.Model;

namespace DrillRunner.Objectives.Latency;

/// <summary>Objective <c>latency</c>: bounds on the 95th and/or 99th percentile of generated traffic in the drill window.</summary>
public sealed class LatencyOptions : ObjectiveOptions
{
    public TimeSpan? P95 { get; init; }

    public TimeSpan? P99 { get; init; }
}
