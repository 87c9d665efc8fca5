namespace DrillRunner.Timeline;

/// <summary>
/// Users of all the traffic of a run, each counted once: the union of the sources' user sets. Results written before
/// sources carried their sets fall back to the sum of the sources' counts.
/// </summary>
public sealed record TrafficUsers(long Affected, long Total, bool Distinct)
{
    public static TrafficUsers Of(IReadOnlyList<TrafficSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Count > 0 && summaries.All(s => s.ActiveUsers is not null && s.AffectedUsers is not null))
        {
            return new TrafficUsers(
                UserSet.Union(summaries.Select(s => s.AffectedUsers!)).Count,
                UserSet.Union(summaries.Select(s => s.ActiveUsers!)).Count,
                Distinct: true);
        }

        return new TrafficUsers(summaries.Sum(s => s.UsersAffected), summaries.Sum(s => s.UsersTotal), Distinct: false);
    }
}
