namespace DrillRunner.Traffic.Pacing;

/// <summary>
/// Pure schedule of an arrival profile: request i (0-based) is due when the profile's cumulative count reaches i,
/// so the first request goes at the start and a ramp 0 to 100/s over 10 s plans exactly 500 requests.
/// </summary>
internal sealed class Pacer
{
    private readonly RateSegment[] _segments;
    private readonly double[] _countBefore;
    private readonly double[] _startSeconds;

    public Pacer(ArrivalProfile profile)
    {
        _segments = [.. profile.Segments];
        _countBefore = new double[_segments.Length];
        _startSeconds = new double[_segments.Length];
        double count = 0, seconds = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            _countBefore[i] = count;
            _startSeconds[i] = seconds;
            count += _segments[i].CountAfter(_segments[i].Duration.TotalSeconds);
            seconds += _segments[i].Duration.TotalSeconds;
        }

        PlannedRequests = profile.PlannedRequests;
        Duration = profile.Duration;
    }

    public long PlannedRequests { get; }

    public TimeSpan Duration { get; }

    /// <summary>How many requests are due at or before <paramref name="elapsed"/> into the run.</summary>
    public long DueCount(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            return 0;
        }

        var seconds = elapsed.TotalSeconds;
        var index = SegmentAt(seconds);
        var cumulative = _countBefore[index] + _segments[index].CountAfter(seconds - _startSeconds[index]);
        // Rounding keeps float noise (499.9999999) from hiding a request that is exactly due.
        return Math.Min(PlannedRequests, (long)Math.Floor(Math.Round(cumulative, 9)) + 1);
    }

    /// <summary>The intended send time of request <paramref name="index"/>, as an offset from the run's start.</summary>
    public double IntendedSeconds(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var s = SegmentFor(index);
        return _startSeconds[s] + _segments[s].SecondsUntil(index - _countBefore[s]);
    }

    public TimeSpan IntendedOffset(long index) => TimeSpan.FromSeconds(IntendedSeconds(index));

    private int SegmentAt(double seconds)
    {
        for (var i = _segments.Length - 1; i > 0; i--)
        {
            if (seconds >= _startSeconds[i])
            {
                return i;
            }
        }

        return 0;
    }

    private int SegmentFor(long index)
    {
        // The last segment whose planned range starts at or before the index and that plans anything at all.
        for (var i = _segments.Length - 1; i >= 0; i--)
        {
            var planned = _segments[i].CountAfter(_segments[i].Duration.TotalSeconds);
            if (planned > 0 && index >= _countBefore[i] - 1e-9)
            {
                return i;
            }
        }

        return 0;
    }
}
