using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>Checks the drill's abort conditions twice a second and cancels injection when one holds.</summary>
internal sealed class AbortMonitor
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public string? Reason { get; private set; }

    public async Task RunAsync(RunState state, CancellationTokenSource inject, CancellationToken stop)
    {
        if (state.Drill.Aborts.Count == 0)
        {
            return;
        }

        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(Interval, state.Time, stop);
                var snapshot = state.Timeline.Snapshot();
                var now = state.Time.GetUtcNow();
                Reason = state.Drill.Aborts.Select(a => a.Check(snapshot, now)).FirstOrDefault(r => r is not null);
                if (Reason is not null)
                {
                    await state.LogAsync(EventKinds.Abort, $"abort condition: {Reason}");
                    await inject.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended first.
        }
    }
}
