namespace DrillRunner.Traffic;

/// <summary>
/// A stretch of an arrival profile whose rate moves linearly from <see cref="StartRate"/> to
/// <see cref="EndRate"/> (requests per second) over <see cref="Duration"/>. Equal rates make a constant segment.
/// </summary>
public readonly record struct RateSegment(double StartRate, double EndRate, TimeSpan Duration)
{
    /// <summary>Requests this segment plans in its first <paramref name="seconds"/> seconds.</summary>
    internal double CountAfter(double seconds)
    {
        var length = Duration.TotalSeconds;
        var t = Math.Clamp(seconds, 0, length);
        return length <= 0 ? 0 : (StartRate * t) + ((EndRate - StartRate) * t * t / (2 * length));
    }

    /// <summary>Seconds into the segment at which <paramref name="count"/> requests have been planned.</summary>
    internal double SecondsUntil(double count)
    {
        if (count <= 0)
        {
            return 0;
        }

        var a = StartRate;
        var k = (EndRate - StartRate) / (2 * Duration.TotalSeconds);
        // Root of k t^2 + a t - count = 0, written so it stays exact when k is (nearly) zero.
        var root = Math.Sqrt(Math.Max(0, (a * a) + (4 * k * count)));
        var denominator = a + root;
        return denominator <= 0 ? Duration.TotalSeconds : 2 * count / denominator;
    }
}
