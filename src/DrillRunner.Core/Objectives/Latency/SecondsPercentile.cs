using DrillRunner.Timeline;

namespace DrillRunner.Objectives.Latency;

/// <summary>
/// Recombines per-second latency summaries into one percentile over all their requests. Each second's
/// distribution is approximated by the piecewise-linear CDF through (0, 0), (p50, .5), (p95, .95), (p99, .99),
/// (max, 1); the mixture of those CDFs, weighted by requests sent, is inverted by bisection. Unlike the maximum
/// of per-second p99s, one slow second among many fast ones does not dominate, yet a slow stretch still shows.
/// </summary>
internal static class SecondsPercentile
{
    public static double Compute(IReadOnlyList<TrafficSecond> seconds, double quantile)
    {
        var weighted = seconds.Where(s => s.Sent > 0).ToList();
        var total = weighted.Sum(s => (double)s.Sent);
        if (total <= 0)
        {
            return 0;
        }

        double low = 0, high = weighted.Max(s => s.MaxMs);
        for (var i = 0; i < 60 && high - low > 0.01; i++)
        {
            var mid = (low + high) / 2;
            var share = weighted.Sum(s => s.Sent * Cdf(s, mid)) / total;
            if (share >= quantile)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }

    private static double Cdf(TrafficSecond s, double x)
    {
        ReadOnlySpan<(double X, double P)> points = [(0, 0), (s.P50Ms, 0.5), (s.P95Ms, 0.95), (s.P99Ms, 0.99), (s.MaxMs, 1)];
        for (var i = 1; i < points.Length; i++)
        {
            if (x < points[i].X)
            {
                var (x0, p0) = points[i - 1];
                var (x1, p1) = points[i];
                return x1 <= x0 ? p1 : p0 + ((p1 - p0) * (x - x0) / (x1 - x0));
            }
        }

        return 1;
    }
}
