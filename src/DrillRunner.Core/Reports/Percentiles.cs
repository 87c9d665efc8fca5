namespace DrillRunner.Reports;

/// <summary>Nearest-rank percentiles: always a value that was measured, never an interpolation.</summary>
public static class Percentiles
{
    /// <param name="sorted">Values in ascending order.</param>
    /// <param name="p">The percentile as a fraction, e.g. 0.9.</param>
    public static double NearestRank(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static TimeSpan NearestRank(IReadOnlyList<TimeSpan> sorted, double p) =>
        TimeSpan.FromTicks((long)NearestRank(sorted.Select(t => (double)t.Ticks).ToList(), p));
}
