namespace DrillRunner.Traffic.Recording;

/// <summary>Per-second buckets indexed by intended send time, plus the users seen.</summary>
internal sealed class TrafficRecorder
{
    private readonly SecondBucket[] _buckets;
    private readonly long _start;
    private readonly long _frequency;
    private int _lastSecond = -1;

    public TrafficRecorder(long start, long frequency, TimeSpan duration, int users)
    {
        _start = start;
        _frequency = frequency;
        // Every intended time is before start + duration, so this many seconds hold the whole run.
        _buckets = new SecondBucket[Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds))];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new SecondBucket();
        }

        Users = new UserTracker(users);
    }

    public UserTracker Users { get; }

    public int SecondCount => _buckets.Length;

    /// <summary>The last second any request was planned in, or -1.</summary>
    public int LastSecond => Volatile.Read(ref _lastSecond);

    public SecondBucket this[int second] => _buckets[second];

    public int SecondOf(long timestamp) =>
        (int)Math.Clamp((timestamp - _start) / _frequency, 0, _buckets.Length - 1);

    public SecondBucket Plan(long intended)
    {
        var second = SecondOf(intended);
        var seen = Volatile.Read(ref _lastSecond);
        while (second > seen)
        {
            var previous = Interlocked.CompareExchange(ref _lastSecond, second, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }

        var bucket = _buckets[second];
        bucket.Plan();
        return bucket;
    }
}
