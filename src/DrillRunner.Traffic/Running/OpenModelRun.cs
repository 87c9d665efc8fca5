using System.Threading.Channels;
using DrillRunner.Traffic.Pacing;

namespace DrillRunner.Traffic.Running;

/// <summary>
/// Open model: a scheduler issues each request at the pacer's intended time into a queue that the connection
/// workers drain. A slow server makes the queue grow (and latency with it) but never slows the schedule.
/// </summary>
internal static class OpenModelRun
{
    public static async Task<StopReason> RunAsync(
        RunContext run, ArrivalProfile profile, IReadOnlyList<ConnectionWorker> workers, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
        var draining = workers.Select(w => DrainAsync(run, w, queue.Reader, cancellationToken)).ToArray();
        StopReason reason;
        try
        {
            reason = await ScheduleAsync(run, new Pacer(profile), queue.Writer, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            reason = StopReason.Cancelled;
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        Volatile.Write(ref run.Frontier, long.MaxValue);
        await Task.WhenAll(draining);
        while (queue.Reader.TryRead(out var abandoned))
        {
            run.Recorder[run.Recorder.SecondOf(abandoned.Intended)].Abandon();
        }

        return reason;
    }

    private static async Task<StopReason> ScheduleAsync(
        RunContext run, Pacer pacer, ChannelWriter<WorkItem> queue, CancellationToken cancellationToken)
    {
        var total = Math.Min(pacer.PlannedRequests, run.Plan.MaxRequests);
        for (long i = 0; i < total; i++)
        {
            var intended = run.Start + (long)(pacer.IntendedSeconds(i) * run.Frequency);
            if (intended >= run.Deadline)
            {
                return StopReason.Duration;
            }

            Volatile.Write(ref run.Frontier, intended);
            await PreciseWait.UntilAsync(run.Time, intended, cancellationToken);
            var bucket = run.Recorder.Plan(intended);
            if (Interlocked.Increment(ref run.InFlight) > run.Plan.MaxInFlight)
            {
                Interlocked.Decrement(ref run.InFlight);
                bucket.Drop();
                continue;
            }

            queue.TryWrite(new WorkItem(i, intended));
        }

        return total < pacer.PlannedRequests ? StopReason.MaxRequests : StopReason.Duration;
    }

    private static async Task DrainAsync(
        RunContext run, ConnectionWorker worker, ChannelReader<WorkItem> queue, CancellationToken cancellationToken)
    {
        try
        {
            while (await queue.WaitToReadAsync(cancellationToken))
            {
                while (!cancellationToken.IsCancellationRequested && queue.TryRead(out var item))
                {
                    await worker.ExecuteAsync(item, run.Recorder[run.Recorder.SecondOf(item.Intended)]);
                    Interlocked.Decrement(ref run.InFlight);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled: what is still queued is abandoned by the caller.
        }
    }
}
