using System.ComponentModel;
using DrillRunner.Alerts;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Engine.Halt;
using DrillRunner.Engine.Locks;
using DrillRunner.Engine.Watch;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Metrics;
using DrillRunner.Timeline;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Runs;

/// <summary>
/// The Hangfire job of one accepted run. Waits for its environment's turn (the run stays Queued meanwhile), loads
/// the drill file afresh, runs it with the server's operator channel, and always frees the environment.
/// </summary>
internal sealed partial class RunDrillJob(
    Runner runner, RunCoordinator coordinator, ServerOperatorChannel operators, DrillMetrics metrics, AlertNotifications notifications, ILogger<RunDrillJob> log)
{
    /// <summary>How often a run waiting for an environment held by another process tries again.</summary>
    public static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(1);

    // A drill is not idempotent: a failed run is reported, never silently run again.
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("drill {0} run {1} ({2})")]
    public async Task RunAsync(string drillName, string runId, string trigger, CancellationToken cancellationToken)
    {
        var record = await runner.Journal.GetRunAsync(runId, CancellationToken.None);
        var live = coordinator.Live(runId) ?? (record is { Status: RunStatus.Queued } && runner.IsShared ? coordinator.Adopt(record) : null);
        if (record is not { Status: RunStatus.Queued } || live is null)
        {
            LogSkipped(runId, record?.Status.ToString() ?? "unknown");
            return;
        }

        using var stopping = cancellationToken.Register(live.Abort.Cancel);
        try
        {
            var gate = coordinator.Gate(record.Environment);
            try
            {
                await gate.Turn.WaitAsync(live.Abort.Token);
            }
            catch (OperationCanceledException)
            {
                await NotRunAsync(record, RunStatus.Aborted, $"aborted while queued{(live.AbortReason is { } why ? ": " + why : "")}");
                return;
            }

            try
            {
                await ExecuteAsync(record, live);
            }
            finally
            {
                gate.Turn.Release();
            }
        }
        finally
        {
            coordinator.Finished(live);
        }
    }

    private async Task ExecuteAsync(RunRecord record, LiveRun live)
    {
        LoadedDrill drill;
        IEnvironmentDriver driver;
        try
        {
            drill = runner.Loader.Load(record.DrillFile);
            (driver, _) = await runner.Drivers.SelectAsync(drill.Environment, null, live.Abort.Token);
        }
        catch (Exception ex) when (ex is DrillInputException or DriverException or OperationCanceledException)
        {
            await NotRunAsync(record, RunStatus.NotStarted, ex.Message);
            return;
        }

        await using (driver)
        {
            metrics.RunStarted(drill);
            live.ProgressChanged = l => metrics.Faults(drill.Environment.Name, l.Progress?.ActiveFaults.Count ?? 0, l.OldestFaultAge);
            var request = new RunRequest
            {
                RunId = record.Id,
                Trigger = record.Trigger,
                Operator = operators,
                Progress = live,
                Events = live,
                AbortReason = () => live.AbortReason,
                AlertNotifications = notifications,
            };
            RunResult? result = null;
            try
            {
                result = await RunWhenFreeAsync(drill, driver, request, live);
            }
            catch (Exception ex) when (ex is HaltedException or WatchdogUnavailableException or DrillInputException)
            {
                // Refused before anything changed: the run never started, and the journal says why.
                await RecordNotRunAsync(record, RunStatus.NotStarted, ex.Message);
            }
            catch (RunCancelledException ex)
            {
                LogSkipped(record.Id, ex.Message);
            }
            catch (OperationCanceledException) when (live.Abort.IsCancellationRequested)
            {
                await RecordNotRunAsync(record, RunStatus.Aborted, $"aborted while waiting for the environment{(live.AbortReason is { } why ? ": " + why : "")}");
            }
#pragma warning disable CA1031 // The job must record every failure in the journal, whatever it is.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex, record.Id);
                var current = await runner.Journal.GetRunAsync(record.Id, CancellationToken.None);
                await RecordNotRunAsync(record, current?.Status == RunStatus.Queued ? RunStatus.NotStarted : RunStatus.Errored, ex.Message);
            }
            finally
            {
                var final = result?.Status ?? (await runner.Journal.GetRunAsync(record.Id, CancellationToken.None))?.Status ?? RunStatus.Errored;
                metrics.RunEnded(drill.Spec.Name, drill.Environment.Name, result, final);
            }
        }
    }

    /// <summary>Another process (a CLI run) may hold the environment's file lock: the run waits, still Queued.</summary>
    private async Task<RunResult> RunWhenFreeAsync(LoadedDrill drill, IEnvironmentDriver driver, RunRequest request, LiveRun live)
    {
        var told = false;
        while (true)
        {
            try
            {
                return await runner.Engine.RunAsync(drill, driver, request, live.Abort.Token);
            }
            catch (EnvironmentBusyException ex)
            {
                if (!told)
                {
                    told = true;
                    await runner.Journal.AppendEventAsync(live.RunId, new TimelineEvent(runner.Time.GetUtcNow(), EventKinds.Note, $"waiting: {ex.Message}"), CancellationToken.None);
                }

                await Task.Delay(BusyRetry, runner.Time, live.Abort.Token);
            }
        }
    }

    private async Task NotRunAsync(RunRecord record, RunStatus status, string reason)
    {
        await RecordNotRunAsync(record, status, reason);
        metrics.RunEnded(record.Drill, record.Environment, null, status);
    }

    private async Task RecordNotRunAsync(RunRecord record, RunStatus status, string reason)
    {
        var now = runner.Time.GetUtcNow();
        await runner.Journal.AppendEventAsync(record.Id, new TimelineEvent(now, EventKinds.Error, reason), CancellationToken.None);
        await runner.Journal.FinishRunAsync(record.Id, status, now, null, null, null, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} is {Status}, not queued: nothing to do")]
    private partial void LogSkipped(string runId, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId} failed")]
    private partial void LogFailed(Exception exception, string runId);
}
