namespace DrillRunner.Timeline;

/// <summary>
/// What a <c>capacity</c> step found: the knee (highest rate that held its latency and error bounds; null when even the
/// lowest probe broke), the precision it was narrowed to, the declared expected peak and every probe run.
/// </summary>
public sealed record CapacityFinding(
    string Step,
    double? KneePerSecond,
    double? BrokePerSecond,
    double? ExpectedPeakPerSecond,
    double Precision,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<CapacityProbe> Probes)
{
    /// <summary>Knee over expected peak (1.8 = "headroom 1.8x"); null without a knee or an expected peak.</summary>
    public double? Headroom => KneePerSecond is { } knee && ExpectedPeakPerSecond is > 0 and { } peak ? knee / peak : null;

    /// <summary>Whether the search ended with the knee bracketed within <see cref="Precision"/> (or at a bound).</summary>
    public bool Converged { get; init; }
}

/// <summary>One constant-rate probe of a capacity search; <see cref="Broke"/> says which bound it broke, null when it held.</summary>
public sealed record CapacityProbe(double RatePerSecond, double AchievedPerSecond, double P99Ms, double ErrorShare, string? Broke, string Phase);
