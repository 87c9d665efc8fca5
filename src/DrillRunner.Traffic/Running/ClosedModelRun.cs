namespace DrillRunner.Traffic.Running;

/// <summary>
/// Closed model: every connection sends its next request as soon as the previous one finishes (like wrk).
/// Intended time is the send time, so latency here is service time only.
/// </summary>
internal static class ClosedModelRun
{
    public static async Task<StopReason> RunAsync(
        RunContext run, IReadOnlyList<ConnectionWorker> workers, CancellationToken cancellationToken)
    {
        long issued = 0;
        var reasons = await Task.WhenAll(workers.Select(w => LoopAsync(run, w, () => Interlocked.Increment(ref issued) - 1, cancellationToken)));
        Volatile.Write(ref run.Frontier, long.MaxValue);
        return reasons.Contains(StopReason.Cancelled) ? StopReason.Cancelled
            : reasons.Contains(StopReason.MaxRequests) ? StopReason.MaxRequests
            : StopReason.Duration;
    }

    private static async Task<StopReason> LoopAsync(
        RunContext run, ConnectionWorker worker, Func<long> nextSequence, CancellationToken cancellationToken)
    {
        // Yield first so all workers start in parallel rather than one after another on this thread.
        await Task.Yield();
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return StopReason.Cancelled;
            }

            var now = run.Time.GetTimestamp();
            if (now >= run.Deadline)
            {
                return StopReason.Duration;
            }

            var sequence = nextSequence();
            if (sequence >= run.Plan.MaxRequests)
            {
                return StopReason.MaxRequests;
            }

            // The reporter may close a second once the clock passes it; keep a margin for a worker that read the
            // clock just before planning.
            Volatile.Write(ref run.Frontier, now - (run.Frequency / 10));
            var bucket = run.Recorder.Plan(now);
            await worker.ExecuteAsync(new WorkItem(sequence, now), bucket);
        }
    }
}
