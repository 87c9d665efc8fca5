namespace DrillRunner.Traffic;

/// <summary>
/// What happened to the requests planned in one interval. Latency runs from each request's intended send time
/// to the end of its response, so a stalled server shows as latency rather than as fewer requests.
/// </summary>
/// <param name="Planned">Requests the profile made due (closed model: requests started).</param>
/// <param name="Sent">Requests written to a connection.</param>
/// <param name="Latency">Responses of any status and timeouts; connection failures are counted, not timed.</param>
/// <param name="Ok">Responses with a 1xx-3xx status.</param>
/// <param name="Failed">Failures by reason.</param>
/// <param name="Late">Requests sent more than 1 ms after their intended time.</param>
/// <param name="Dropped">Requests never sent because the in-flight cap was reached.</param>
public sealed record TrafficCounts(
    long Planned,
    long Sent,
    long Ok,
    FailureCounts Failed,
    long Late,
    long Dropped,
    LatencySummary Latency);
