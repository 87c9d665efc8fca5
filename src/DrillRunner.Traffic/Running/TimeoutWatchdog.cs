namespace DrillRunner.Traffic.Running;

/// <summary>
/// Aborts exchanges that outlive the plan's timeout. One periodic scan replaces a timer per request; a request
/// times out within a tenth of the timeout (at most 50 ms) of its deadline.
/// </summary>
internal static class TimeoutWatchdog
{
    public static async Task RunAsync(RunContext run, IReadOnlyList<ConnectionWorker> workers, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(run.Plan.Timeout.Ticks / 10, TimeSpan.TicksPerMillisecond, 50 * TimeSpan.TicksPerMillisecond));
        try
        {
            while (true)
            {
                await Task.Delay(period, run.Time, cancellationToken);
                var now = run.Time.GetTimestamp();
                foreach (var worker in workers)
                {
                    var started = worker.Connection.StartedAt;
                    if (started > 0 && now - started > run.TimeoutTicks)
                    {
                        worker.Connection.TryAbortIfStarted(started);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
