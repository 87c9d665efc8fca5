namespace DemoShop.Metrics;

/// <summary>A Prometheus-style cumulative histogram of request durations in seconds.</summary>
internal sealed class LatencyHistogram
{
    public static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _counts = new long[Bounds.Length + 1];
    private long _sumMicroseconds;

    public void Observe(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        var bucket = Array.FindIndex(Bounds, b => seconds <= b);
        Interlocked.Increment(ref _counts[bucket < 0 ? Bounds.Length : bucket]);
        Interlocked.Add(ref _sumMicroseconds, (long)(duration.TotalMicroseconds));
    }

    /// <summary>Cumulative counts per bound (the last is +Inf), the sum in seconds and the count.</summary>
    public (long[] Cumulative, double Sum, long Count) Read()
    {
        var cumulative = new long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Interlocked.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        return (cumulative, Interlocked.Read(ref _sumMicroseconds) / 1e6, running);
    }
}
