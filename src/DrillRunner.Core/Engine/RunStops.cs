using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Engine;

/// <summary>
/// Stops a run from outside its drill: the halt-all switch (polled every <see cref="EngineSafety.HaltPoll"/>) and the
/// maximum run length. Either cancels injection (and preflight) so the restore starts at once.
/// </summary>
internal sealed class RunStops(EngineSafety safety, TimeSpan maxDuration)
{
    private bool _haltUnreadable;

    public string? Reason { get; private set; }

    public async Task RunAsync(RunState state, CancellationTokenSource inject, CancellationToken stop)
    {
        var deadline = state.StartedAt + maxDuration;
        try
        {
            while (!stop.IsCancellationRequested && !inject.IsCancellationRequested)
            {
                Reason = await HaltReasonAsync(state, stop)
                    ?? (state.Time.GetUtcNow() >= deadline ? $"maximum run length {DurationParser.Format(maxDuration)} reached" : null);
                if (Reason is not null)
                {
                    // The lifecycle logs the reason as the abort event as soon as injection has stopped.
                    await inject.CancelAsync();
                    return;
                }

                await Task.Delay(EngineSafety.HaltPoll, state.Time, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The run reached its restore first.
        }
    }

    private async Task<string?> HaltReasonAsync(RunState state, CancellationToken stop)
    {
        if (safety.Halt is not { } halt)
        {
            return null;
        }

        try
        {
            return await halt.ReadAsync(stop) is { } halted ? $"halt-all {halted.Summary()}" : null;
        }
#pragma warning disable CA1031 // Any failure to read the switch is reported once; the run goes on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // A switch that fails to answer mid-run (database failover) does not stop the run; it was read at the start.
            if (!_haltUnreadable)
            {
                _haltUnreadable = true;
                await state.LogAsync(EventKinds.Error, $"the halt switch cannot be read ({ex.Message}); the run goes on");
            }

            return null;
        }
    }
}
