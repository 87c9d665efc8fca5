using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Metrics;
using DrillRunner.Options;
using DrillRunner.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrillRunner.Safety;

/// <summary>
/// The server's part of the dead-man's switch: every <see cref="DrillServerOptions.SweepInterval"/> it recovers runs
/// left running whose environment lock is free (a runner that died: a CLI run whose watchdog died too, or, with a
/// shared database, another runner), and retries restores that failed, with a growing pause per run
/// (<see cref="DrillServerOptions.RestoreRetryInterval"/>, doubling to 10 min). Everything goes through the runner's recovery, which takes the environment lock first: a live run is
/// never touched. It also keeps the active-faults metric up for every undo still outstanding.
/// </summary>
internal sealed partial class RunSweeper(Runner runner, RunCoordinator coordinator, DrillMetrics metrics, IOptions<DrillServerOptions> options, ILogger<RunSweeper> log)
    : BackgroundService, IProgress<string>
{
    public static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, (DateTimeOffset Next, TimeSpan Pause)> _retries = new(StringComparer.Ordinal);

    /// <summary>One sweep; returns how many runs it restored or retried.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = runner.Time.GetUtcNow();
        var handled = await runner.RecoverAllAsync(this, cancellationToken, run => Due(run, now));
        await RefreshOutstandingAsync(cancellationToken);
        return handled;
    }

    public void Report(string value)
    {
        if (value.Contains("left alone", StringComparison.Ordinal))
        {
            LogLeftAlone(value);
        }
        else
        {
            LogSwept(value);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.SweepInterval, runner.Time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A sweep that fails (database failover) is logged; the next one tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(ex);
            }
        }
    }

    private bool Due(RunRecord run, DateTimeOffset now)
    {
        if (coordinator.Live(run.Id) is not null)
        {
            return false;
        }

        if (run.Status != RunStatus.RestoreFailed)
        {
            return true;
        }

        if (!_retries.TryGetValue(run.Id, out var retry))
        {
            _retries[run.Id] = (now + options.Value.RestoreRetryInterval, options.Value.RestoreRetryInterval);
            return true;
        }

        if (now < retry.Next)
        {
            return false;
        }

        var pause = TimeSpan.FromTicks(Math.Min(retry.Pause.Ticks * 2, MaxRetry.Ticks));
        _retries[run.Id] = (now + pause, pause);
        return true;
    }

    private async Task RefreshOutstandingAsync(CancellationToken cancellationToken)
    {
        var outstanding = new Dictionary<string, (int Count, DateTimeOffset Since)>(StringComparer.Ordinal);
        var failed = await runner.Journal.FindRunsAsync(new RunQuery(Status: RunStatus.RestoreFailed, Limit: 10_000), cancellationToken);
        foreach (var id in _retries.Keys.Except(failed.Select(r => r.Id), StringComparer.Ordinal).ToList())
        {
            _retries.Remove(id);
        }

        foreach (var run in failed)
        {
            var left = (await runner.Journal.GetUndoEntriesAsync(run.Id, cancellationToken)).Where(e => e.Status is not (UndoStatus.Reverted or UndoStatus.GivenUp)).ToList();
            if (left.Count == 0)
            {
                continue;
            }

            var since = left.Min(e => e.InjectedAt ?? e.CreatedAt);
            outstanding[run.Environment] = outstanding.TryGetValue(run.Environment, out var known)
                ? (known.Count + left.Count, known.Since < since ? known.Since : since)
                : (left.Count, since);
        }

        metrics.Outstanding(outstanding);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep: {Message}")]
    private partial void LogSwept(string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "sweep: {Message}")]
    private partial void LogLeftAlone(string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "sweep failed; the next one tries again")]
    private partial void LogSweepFailed(Exception exception);
}
