namespace DrillRunner.Traffic;

/// <summary>
/// An open-model arrival rate over time: a sequence of linear segments. The profile alone decides when each
/// request is due, whatever the server does (no coordinated omission).
/// </summary>
public sealed class ArrivalProfile
{
    private ArrivalProfile(IReadOnlyList<RateSegment> segments)
    {
        Segments = segments;
        Duration = segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
        PlannedRequests = (long)Math.Ceiling(Math.Round(segments.Sum(s => s.CountAfter(s.Duration.TotalSeconds)), 6));
    }

    public IReadOnlyList<RateSegment> Segments { get; }

    public TimeSpan Duration { get; }

    /// <summary>How many requests the whole profile plans.</summary>
    public long PlannedRequests { get; }

    public static ArrivalProfile Constant(double rate, TimeSpan duration) => Sequence(new RateSegment(rate, rate, duration));

    public static ArrivalProfile Ramp(double fromRate, double toRate, TimeSpan duration) =>
        Sequence(new RateSegment(fromRate, toRate, duration));

    /// <summary>A baseline with a step up to <paramref name="spikeRate"/> at <paramref name="spikeAt"/>.</summary>
    public static ArrivalProfile Spike(double baseRate, double spikeRate, TimeSpan spikeAt, TimeSpan spikeLength, TimeSpan duration)
    {
        var after = duration - spikeAt - spikeLength;
        if (after < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "The spike must end within the profile's duration.");
        }

        return Sequence(
            new RateSegment(baseRate, baseRate, spikeAt),
            new RateSegment(spikeRate, spikeRate, spikeLength),
            new RateSegment(baseRate, baseRate, after));
    }

    public static ArrivalProfile Sequence(params IEnumerable<RateSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var list = segments.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A profile needs at least one segment.", nameof(segments));
        }

        foreach (var s in list)
        {
            if (s.Duration < TimeSpan.Zero || s.StartRate < 0 || s.EndRate < 0
                || !double.IsFinite(s.StartRate) || !double.IsFinite(s.EndRate))
            {
                throw new ArgumentException($"Segment {s} needs a non-negative duration and finite, non-negative rates.", nameof(segments));
            }
        }

        return new ArrivalProfile(list);
    }
}
