namespace DrillRunner.Traffic;

/// <summary>Percentiles of a latency distribution; zero when nothing completed.</summary>
public readonly record struct LatencySummary(TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max, long Count);
