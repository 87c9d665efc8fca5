using HdrHistogram;

namespace DrillRunner.Traffic.Recording;

/// <summary>Latencies are recorded in microseconds, clamped to ten minutes.</summary>
internal static class Histograms
{
    public const long Highest = 600_000_000;

    /// <summary>Per-second histograms keep 2 significant digits (1%) so a long run stays small in memory.</summary>
    public static IntHistogram PerSecond() => new(1, Highest, 2);

    public static LongHistogram Total() => new(1, Highest, 3);

    public static long Micros(long timestampDelta, long frequency) =>
        Math.Clamp(timestampDelta * 1_000_000 / frequency, 1, Highest);

    public static LatencySummary Summarize(HistogramBase? histogram)
    {
        if (histogram is null || histogram.TotalCount == 0)
        {
            return default;
        }

        return new LatencySummary(
            FromMicros(histogram.GetValueAtPercentile(50)),
            FromMicros(histogram.GetValueAtPercentile(95)),
            FromMicros(histogram.GetValueAtPercentile(99)),
            FromMicros(histogram.GetMaxValue()),
            histogram.TotalCount);
    }

    private static TimeSpan FromMicros(long micros) => TimeSpan.FromMicroseconds(micros);
}
