using System.Globalization;
using DrillRunner.Journal;
using DrillRunner.Local.Shared;
using DrillRunner.Units;

namespace DrillRunner.Hosting.Watchdog;

/// <summary>
/// What <c>drill watchdog RUN</c> does: watches the runner of one run through its heartbeat file. The run ends
/// normally: the heartbeat is deleted and the watchdog stands down (or, if the restore failed, keeps retrying it).
/// The runner dies: the watchdog restores the run at once through crash recovery, holding the environment lock like
/// any recovery. The runner stops renewing its heartbeat for the lease (hung, frozen): the watchdog kills it (a
/// frozen process keeps its lock, and a run is only ever restored by whoever holds the lock), then restores.
/// </summary>
public sealed class WatchdogLoop(Runner runner, string runId, IProgress<string> log)
{
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a restore that keeps failing is retried here before `drill recover` and the sweeps take over.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(1);

    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private TimeProvider Time => runner.Time;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var state = runner.Options.StateDirectory;
        var heartbeatPath = Heartbeat.PathOf(state, runId);
        if (Heartbeat.TryRead(heartbeatPath) is not { } heartbeat)
        {
            log.Report($"no heartbeat file {heartbeatPath}: nothing to watch");
            return 2;
        }

        var armed = Heartbeat.ArmedPathOf(state, runId);
        await File.WriteAllTextAsync(armed, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        try
        {
            log.Report($"watching run {runId} on {heartbeat.Environment}: runner pid {heartbeat.RunnerPid}, lease {DurationParser.Format(heartbeat.Lease)}");
            var trouble = await WaitForTroubleAsync(heartbeat, heartbeatPath, cancellationToken);
            if (trouble is null)
            {
                return await AfterNormalEndAsync(heartbeat, cancellationToken);
            }

            log.Report(trouble);
            if (!heartbeat.Recover)
            {
                log.Report("the journal is shared: the other runners' sweep restores the run");
                return 0;
            }

            var code = await RecoverAsync(cancellationToken);
            File.Delete(heartbeatPath);
            return code;
        }
        finally
        {
            File.Delete(armed);
        }
    }

    /// <summary>Null when the run ended normally; otherwise what happened to its runner (which is dead by then).</summary>
    private async Task<string?> WaitForTroubleAsync(Heartbeat heartbeat, string heartbeatPath, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!File.Exists(heartbeatPath))
            {
                return null;
            }

            if (ProcStat.ReadAlive(heartbeat.RunnerPid, heartbeat.RunnerStartTicks) is null)
            {
                return $"runner pid {heartbeat.RunnerPid} is gone: restoring run {runId}";
            }

            var silent = Time.GetUtcNow() - new DateTimeOffset(File.GetLastWriteTimeUtc(heartbeatPath), TimeSpan.Zero);
            if (silent > heartbeat.Lease && File.Exists(heartbeatPath))
            {
                await KillAsync(heartbeat, cancellationToken);
                return $"runner pid {heartbeat.RunnerPid} did not renew its heartbeat for {DurationParser.Format(silent)} (lease {DurationParser.Format(heartbeat.Lease)}): "
                    + $"it was hung and has been killed; restoring run {runId}";
            }

            await Task.Delay(Poll, Time, cancellationToken);
        }
    }

    private async Task KillAsync(Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        var start = Time.GetTimestamp();
        while (ProcStat.ReadAlive(heartbeat.RunnerPid, heartbeat.RunnerStartTicks) is not null && Time.GetElapsedTime(start) < KillWait)
        {
            PosixSignals.Send(heartbeat.RunnerPid, PosixSignals.SigKill);
            await Task.Delay(TimeSpan.FromMilliseconds(50), Time, cancellationToken);
        }
    }

    private async Task<int> AfterNormalEndAsync(Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        var run = await runner.Journal.GetRunAsync(runId, cancellationToken);
        if (heartbeat.Recover && run?.Status == RunStatus.RestoreFailed)
        {
            log.Report($"run {runId} ended restore-failed: retrying its undo");
            return await RecoverAsync(cancellationToken);
        }

        log.Report($"run {runId} ended {run?.Status.ToString().ToLowerInvariant() ?? "unrecorded"}: standing down");
        return 0;
    }

    // A busy environment means another process holds it: a recovery, or a new run, which restores this one before it
    // starts. Either way this run is finished by whoever holds the lock; the watchdog waits and looks again.
    private async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var start = Time.GetTimestamp();
        var backoff = TimeSpan.FromSeconds(5);
        var busy = TimeSpan.FromSeconds(1);
        while (Time.GetElapsedTime(start) < RetryFor)
        {
            switch (await runner.RecoverRunAsync(runId, log, cancellationToken))
            {
                case RecoveryOutcome.Restored or RecoveryOutcome.NothingToDo:
                    return 0;
                case RecoveryOutcome.LeftAlone:
                    // Usually a recovery that is already at it; a new run on the environment restores this one first.
                    await Task.Delay(busy, Time, cancellationToken);
                    busy = TimeSpan.FromTicks(Math.Min(busy.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                    break;
                default:
                    log.Report($"the restore still fails; trying again in {DurationParser.Format(backoff)}");
                    await Task.Delay(backoff, Time, cancellationToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    break;
            }
        }

        log.Report($"run {runId} could not be restored within {DurationParser.Format(RetryFor)}: `drill recover` and `drill serve` keep retrying it");
        return 3;
    }
}
