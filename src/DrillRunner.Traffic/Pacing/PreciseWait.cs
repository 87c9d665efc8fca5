namespace DrillRunner.Traffic.Pacing;

/// <summary>
/// Waits until a timestamp. Timers fire about a millisecond late, so on the real clock the last 2 ms are spent
/// yielding to the thread pool (other work still runs) to keep send-time error well under a millisecond.
/// </summary>
internal static class PreciseWait
{
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(2);

    public static async ValueTask UntilAsync(TimeProvider time, long timestamp, CancellationToken cancellationToken)
    {
        var precise = ReferenceEquals(time, TimeProvider.System);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = TimeSpan.FromSeconds((double)(timestamp - time.GetTimestamp()) / time.TimestampFrequency);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            if (!precise)
            {
                await Task.Delay(remaining, time, cancellationToken);
            }
            else if (remaining > TimerSlack)
            {
                await Task.Delay(remaining - TimerSlack, time, cancellationToken);
            }
            else
            {
                await Task.Yield();
            }
        }
    }
}
