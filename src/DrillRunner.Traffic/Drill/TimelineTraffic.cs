using CoreSecond = DrillRunner.Timeline.TrafficSecond;
using CoreSummary = DrillRunner.Timeline.TrafficSummary;

namespace DrillRunner.Traffic.Drill;

/// <summary>Converts the generator's records into the timeline records scoring and reports read.</summary>
internal static class TimelineTraffic
{
    public static CoreSecond ToTimeline(TrafficSecond second, string source)
    {
        var c = second.Counts;
        var reasons = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["4xx"] = c.Failed.Status4xx,
            ["5xx"] = c.Failed.Status5xx,
            ["timeout"] = c.Failed.Timeout,
            ["connect"] = c.Failed.ConnectError,
            ["transport"] = c.Failed.Transport,
        };
        foreach (var empty in reasons.Where(r => r.Value == 0).Select(r => r.Key).ToList())
        {
            reasons.Remove(empty);
        }

        return new CoreSecond(
            second.Start, source, c.Planned, c.Sent, c.Ok, c.Failed.Total, reasons,
            c.Latency.P50.TotalMilliseconds, c.Latency.P95.TotalMilliseconds, c.Latency.P99.TotalMilliseconds,
            c.Latency.Max.TotalMilliseconds, c.Late, c.Dropped);
    }

    public static CoreSummary ToSummary(LoadResult result, string source) => new(
        source,
        result.Total.Planned,
        result.Total.Sent,
        result.Total.Ok,
        result.Total.Failed.Total,
        result.UsersActive,
        result.UsersAffected,
        result.Total.Latency.P95.TotalMilliseconds,
        result.Total.Latency.P99.TotalMilliseconds)
    {
        ActiveUsers = result.ActiveUserSet,
        AffectedUsers = result.AffectedUserSet,
    };
}
