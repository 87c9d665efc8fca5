using DrillRunner.Engine;
using DrillRunner.Timeline;

namespace DrillRunner.Reports.Html;

/// <summary>One time bucket of the run chart; null where nothing was measured in the bucket.</summary>
internal sealed record ChartBucket(DateTimeOffset Start, double? SuccessPercent, double? RequestsPerSecond, double? FailedPerSecond, double? P50Ms, double? P95Ms, double? P99Ms);

/// <summary>The run's probes and traffic grouped into at most <see cref="MaxBuckets"/> buckets for the chart.</summary>
internal sealed record ChartData(DateTimeOffset Start, DateTimeOffset End, TimeSpan BucketSize, bool HasTraffic, string LatencySource, IReadOnlyList<ChartBucket> Buckets)
{
    public const int MaxBuckets = 120;

    public static ChartData From(RunResult result)
    {
        var start = result.StartedAt;
        var end = result.EndedAt > start ? result.EndedAt : start + TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling((end - start).TotalSeconds / MaxBuckets));
        var size = TimeSpan.FromSeconds(seconds);
        var count = (int)Math.Ceiling((end - start) / size);
        var traffic = result.Timeline.Traffic;
        var hasTraffic = traffic.Count > 0;
        var samples = Group(result.Timeline.Samples, s => s.At, start, size, count);
        var seconds2 = Group(traffic, t => t.Start, start, size, count);
        var buckets = new List<ChartBucket>(count);
        for (var i = 0; i < count; i++)
        {
            var inBucket = samples[i];
            var success = inBucket.Count == 0 ? (double?)null : 100.0 * inBucket.Count(s => s.Ok) / inBucket.Count;
            var t = seconds2[i];
            var rate = hasTraffic ? t.Sum(x => x.Sent) / size.TotalSeconds : (double?)null;
            var failed = hasTraffic ? t.Sum(x => x.Failed) / size.TotalSeconds : (double?)null;
            var (p50, p95, p99) = hasTraffic ? TrafficLatency(t) : ProbeLatency(inBucket);
            buckets.Add(new ChartBucket(start + (size * i), success, rate, failed, p50, p95, p99));
        }

        return new ChartData(start, end, size, hasTraffic, hasTraffic ? "traffic" : "probe", buckets);
    }

    // The worst second of the bucket: a chart that averages away a latency spike hides the incident.
    private static (double?, double?, double?) TrafficLatency(List<TrafficSecond> seconds) =>
        seconds.Count == 0 ? (null, null, null) : (seconds.Max(s => s.P50Ms), seconds.Max(s => s.P95Ms), seconds.Max(s => s.P99Ms));

    private static (double?, double?, double?) ProbeLatency(List<ProbeSample> samples)
    {
        if (samples.Count == 0)
        {
            return (null, null, null);
        }

        var sorted = samples.Select(s => s.LatencyMs).Order().ToList();
        return (Percentiles.NearestRank(sorted, 0.50), Percentiles.NearestRank(sorted, 0.95), Percentiles.NearestRank(sorted, 0.99));
    }

    private static List<T>[] Group<T>(IEnumerable<T> items, Func<T, DateTimeOffset> at, DateTimeOffset start, TimeSpan size, int count)
    {
        var groups = Enumerable.Range(0, count).Select(_ => new List<T>()).ToArray();
        foreach (var item in items)
        {
            var index = (int)Math.Floor((at(item) - start) / size);
            if (index >= 0 && index < count)
            {
                groups[index].Add(item);
            }
        }

        return groups;
    }
}
