namespace DrillRunner.Timeline;

/// <summary>One second of generated traffic, latency measured from the intended send time.</summary>
public sealed record TrafficSecond(
    DateTimeOffset Start,
    string Source,
    long Planned,
    long Sent,
    long Ok,
    long Failed,
    IReadOnlyDictionary<string, long> FailedByReason,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Late = 0,
    long Dropped = 0);

/// <summary>
/// Totals of one traffic source over the run, including synthetic users affected. <see cref="ActiveUsers"/> and
/// <see cref="AffectedUsers"/> say which users (null in results of older runners), so users shared by several sources
/// are counted once over the run (<see cref="TrafficUsers"/>).
/// </summary>
public sealed record TrafficSummary(
    string Source,
    long Planned,
    long Sent,
    long Ok,
    long Failed,
    long UsersTotal,
    long UsersAffected,
    double P95Ms,
    double P99Ms)
{
    public UserSet? ActiveUsers { get; init; }

    public UserSet? AffectedUsers { get; init; }
}
