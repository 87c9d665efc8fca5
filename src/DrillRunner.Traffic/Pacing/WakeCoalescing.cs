namespace DrillRunner.Traffic.Pacing;

/// <summary>
/// How long the pacer sleeps at least between two wake-ups. On one core every wake-up costs two context switches
/// (pacer in, socket thread out); at tens of thousands of requests a second those switches, not the requests,
/// used up the core (measured: 17 us of CPU per request at 45k/s when waking for every request, 10 us with a
/// 500 us window). So the pacer wakes once per window and sends everything due by then: a request may leave up to
/// one window after its intended time, and that delay counts in its latency (measured from the intended time).
/// The window grows with the rate, from 250 us (up to 20k/s, so the send-time error stays well under 1 ms) to
/// 1 ms (80k/s and above, where it saves the most).
/// </summary>
internal static class WakeCoalescing
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMicroseconds(250);

    public static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(1);

    /// <summary>The gap between two requests at the rate where the window reaches <see cref="Longest"/> (80k/s).</summary>
    private static readonly TimeSpan LongestAtGap = TimeSpan.FromMicroseconds(12.5);

    /// <summary>The window, in timestamp ticks, when consecutive requests are <paramref name="gapTicks"/> apart.</summary>
    public static long WindowTicks(long gapTicks, long frequency)
    {
        var shortest = ToTicks(Shortest, frequency);
        var longest = ToTicks(Longest, frequency);
        if (gapTicks <= 0)
        {
            return longest;
        }

        var scaled = (long)(longest * (LongestAtGap.TotalSeconds * frequency / gapTicks));
        return Math.Clamp(scaled, shortest, longest);
    }

    private static long ToTicks(TimeSpan span, long frequency) => (long)(span.TotalSeconds * frequency);
}
