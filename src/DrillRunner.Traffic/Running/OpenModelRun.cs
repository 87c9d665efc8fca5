using DrillRunner.Traffic.Pacing;

namespace DrillRunner.Traffic.Running;

/// <summary>
/// Open model: a pacer thread issues each request at its intended time to the dispatcher. A slow server makes
/// the backlog grow (and latency with it) but never slows the schedule.
/// </summary>
internal static class OpenModelRun
{
    public static async Task<StopReason> RunAsync(
        RunContext run, ArrivalProfile profile, IReadOnlyList<ConnectionWorker> workers, CancellationToken cancellationToken)
    {
        var dispatcher = new Dispatcher(run, workers);
        StopReason reason;
        try
        {
            reason = await DedicatedThread.RunAsync("traffic-pacer", () => Schedule(run, new Pacer(profile), dispatcher, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            reason = StopReason.Cancelled;
            dispatcher.Cancel();
        }

        Volatile.Write(ref run.IssuingEnded, run.Time.GetTimestamp());
        Volatile.Write(ref run.Frontier, long.MaxValue);
        await dispatcher.CloseAsync();
        return reason;
    }

    private static StopReason Schedule(RunContext run, Pacer pacer, Dispatcher dispatcher, CancellationToken cancellationToken)
    {
        var total = Math.Min(pacer.PlannedRequests, run.Plan.MaxRequests);
        long previous = run.Start, lastWake = long.MinValue / 2;
        for (long i = 0; i < total; i++)
        {
            var intended = run.Start + (long)(pacer.IntendedSeconds(i) * run.Frequency);
            if (intended >= run.Deadline)
            {
                return StopReason.Duration;
            }

            Volatile.Write(ref run.Frontier, intended);
            if (run.Time.GetTimestamp() < intended)
            {
                // Never early; late by at most one coalescing window (see WakeCoalescing).
                var window = WakeCoalescing.WindowTicks(intended - previous, run.Frequency);
                PreciseWait.Until(run.Time, Math.Max(intended, lastWake + window), cancellationToken);
                lastWake = run.Time.GetTimestamp();
            }

            previous = intended;
            var bucket = run.Recorder.Plan(intended);
            if (Interlocked.Increment(ref run.InFlight) > run.Plan.MaxInFlight)
            {
                Interlocked.Decrement(ref run.InFlight);
                bucket.Drop();
                continue;
            }

            dispatcher.Submit(new WorkItem(i, intended));
        }

        return total < pacer.PlannedRequests ? StopReason.MaxRequests : StopReason.Duration;
    }
}
