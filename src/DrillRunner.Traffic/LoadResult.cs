using DrillRunner.Timeline;

namespace DrillRunner.Traffic;

/// <summary>The outcome of one run: totals, the per-second breakdown, and how closely the plan was achieved.</summary>
/// <param name="Total">All requests of the run; latency percentiles here keep 3 significant digits.</param>
/// <param name="Seconds">One entry per second of intended send time, from 0 to the last second with traffic.</param>
/// <param name="StartedAt">Wall-clock start of the run (second 0), from the run's <see cref="TimeProvider"/>.</param>
/// <param name="Elapsed">Wall time from start until every request finished.</param>
/// <param name="PlannedRate">Requests per second planned over the window requests were issued in.</param>
/// <param name="AchievedRate">Requests per second actually sent over the same window; below 99% of
/// <see cref="PlannedRate"/> means the run fell short of its plan.</param>
/// <param name="SendDelay">How long after their intended time requests were sent (pacer error).</param>
/// <param name="UsersActive">Synthetic users that sent at least one request.</param>
/// <param name="UsersAffected">Synthetic users with at least one failed request.</param>
/// <param name="StoppedBy">What ended the run.</param>
public sealed record LoadResult(
    TrafficCounts Total,
    IReadOnlyList<TrafficSecond> Seconds,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    double PlannedRate,
    double AchievedRate,
    LatencySummary SendDelay,
    int UsersActive,
    int UsersAffected,
    StopReason StoppedBy)
{
    /// <summary>Which users sent anything (numbers as in <c>{user}</c>), so a drill can count users shared by sources once.</summary>
    public UserSet ActiveUserSet { get; init; } = UserSet.Empty;

    /// <summary>Which users saw at least one failed request.</summary>
    public UserSet AffectedUserSet { get; init; } = UserSet.Empty;
}
