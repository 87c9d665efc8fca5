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

        // The window the conditions look at, plus two probe intervals and a second, so the sample before it is there.
        TimeSpan? lookback = state.Drill.Aborts.All(a => a.Lookback is not null)
            ? state.Drill.Aborts.Max(a => a.Lookback!.Value) + (2 * state.Drill.Spec.Probes.Select(p => p.Interval).DefaultIfEmpty(TimeSpan.FromSeconds(1)).Max()) + TimeSpan.FromSeconds(1)
            : null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(Interval, state.Time, stop);
                var now = state.Time.GetUtcNow();
                var snapshot = lookback is { } window ? state.Timeline.Since(now - window) : state.Timeline.Snapshot();
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
