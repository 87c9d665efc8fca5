using DrillRunner.Engine;
using DrillRunner.Engine.Halt;
using DrillRunner.Hosting;
using DrillRunner.Metrics;
using DrillRunner.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Safety;

/// <summary>
/// Looks at the halt switches every <see cref="EngineSafety.HaltPoll"/>: while halted, every queued run of this runner
/// is aborted with the halt's reason (running ones stop by themselves: the engine polls the switch). With a shared database it mirrors the shared halt into the state folder's file, so the CLI runs of this
/// machine stop too, and removes the mirror once the shared halt is released.
/// </summary>
internal sealed partial class HaltWatcher(Runner runner, RunCoordinator coordinator, DrillMetrics metrics, ILogger<HaltWatcher> log) : BackgroundService
{
    private bool _unreadable;

    /// <summary>The halt in force as last seen (at most a poll old), for pages that must not wait on the database.</summary>
    public HaltState? Current { get; private set; }

    /// <summary>Reads the switches, mirrors, aborts; returns the halt in force.</summary>
    public async Task<HaltState?> CheckAsync(CancellationToken cancellationToken)
    {
        var state = await ReadAndMirrorAsync(cancellationToken);
        if (state is not null)
        {
            // Runs in the engine stop by themselves (it polls the switch and marks the run cut short); the ones still
            // queued or waiting for their environment are aborted here.
            foreach (var live in coordinator.AllLive.Where(l => l.Progress is null))
            {
                live.RequestAbort($"halt-all {state.Summary()}");
            }
        }

        if ((state is null) != (Current is null))
        {
            if (state is null)
            {
                LogReleased();
            }
            else
            {
                LogHalted(state.Describe());
            }
        }

        Current = state;
        metrics.SetHalted(state is not null);
        return state;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
                _unreadable = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database blip must not end the watcher; it says so once and keeps looking.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (!_unreadable)
                {
                    _unreadable = true;
                    LogUnreadable(ex);
                }
            }

            try
            {
                await Task.Delay(EngineSafety.HaltPoll, runner.Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<HaltState?> ReadAndMirrorAsync(CancellationToken cancellationToken)
    {
        if (runner.Options.Shared?.Halt is not { } shared)
        {
            return await runner.Halt.ReadAsync(cancellationToken);
        }

        var sharedState = await shared.ReadAsync(cancellationToken);
        var local = await runner.FileHalt.ReadAsync(cancellationToken);
        if (sharedState is not null && local is null)
        {
            runner.FileHalt.Mirror(sharedState);
        }
        else if (sharedState is null && local?.Source == HaltState.Shared)
        {
            await runner.FileHalt.ReleaseAsync(cancellationToken);
            local = null;
        }

        return sharedState ?? local;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "halt-all in force: {State}; running drills are stopped and restored, new ones refused")]
    private partial void LogHalted(string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "halt-all released: drills may run again")]
    private partial void LogReleased();

    [LoggerMessage(Level = LogLevel.Error, Message = "the halt switch cannot be read; runs check it themselves before they start")]
    private partial void LogUnreadable(Exception exception);
}
