namespace DrillRunner.Traffic.Pacing;

/// <summary>
/// Blocks the pacer's own thread until a timestamp. On the real clock it sleeps with nanosleep in slices (so
/// cancellation is seen within 20 ms); on any other clock (tests) it waits on that clock's timers.
/// </summary>
internal static class PreciseWait
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(20);

    public static void Until(TimeProvider time, long timestamp, CancellationToken cancellationToken)
    {
        var precise = NativeSleep.IsAvailable && ReferenceEquals(time, TimeProvider.System);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = TimeSpan.FromSeconds((double)(timestamp - time.GetTimestamp()) / time.TimestampFrequency);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            if (precise)
            {
                NativeSleep.For(remaining < Slice ? remaining : Slice);
            }
            else
            {
                Task.Delay(remaining, time, cancellationToken).GetAwaiter().GetResult();
            }
        }
    }
}
