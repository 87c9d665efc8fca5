using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Loading;

namespace DrillRunner.Hosting;

/// <summary>
/// Recovery of runs a dead runner left running, and retries of failed restores: by <c>drill recover</c>, the server at
/// start and in its sweeps, and the watchdogs. A run is touched only while holding its environment's lock: if another
/// process holds it (a live <c>drill run</c>, another runner), the run may still be live there, so it is left alone.
/// </summary>
public sealed partial class Runner
{
    /// <summary>How long a give-up waits for a recovery attempt holding the environment's lock.</summary>
    public static readonly TimeSpan GiveUpLockWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Recovers every run left running or restore-failed, whatever the environment (oldest first); with
    /// <paramref name="due"/> only those it accepts. Returns how many runs were restored or retried.
    /// </summary>
    public async Task<int> RecoverAllAsync(IProgress<string> progress, CancellationToken cancellationToken, Func<RunRecord, bool>? due = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var runs = (await UnfinishedRunsAsync(cancellationToken)).Where(r => due?.Invoke(r) ?? true).ToList();
        var recovered = 0;
        foreach (var run in runs)
        {
            if (await RecoverRunAsync(run.Id, progress, cancellationToken) is RecoveryOutcome.Restored or RecoveryOutcome.StillFailing)
            {
                recovered++;
            }
        }

        return recovered;
    }

    /// <summary>Runs left running or whose restore failed, oldest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> UnfinishedRunsAsync(CancellationToken cancellationToken) =>
        [.. (await Journal.FindRunsAsync(new RunQuery(Status: RunStatus.Running, Limit: 10_000), cancellationToken))
            .Concat(await Journal.FindRunsAsync(new RunQuery(Status: RunStatus.RestoreFailed, Limit: 10_000), cancellationToken))
            .OrderBy(r => r.StartedAt)];

    /// <summary>Recovers one run if it needs it and its environment's lock is free.</summary>
    public async Task<RecoveryOutcome> RecoverRunAsync(string runId, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (await Journal.GetRunAsync(runId, cancellationToken) is not { Status: RunStatus.Running or RunStatus.RestoreFailed } run)
        {
            return RecoveryOutcome.NothingToDo;
        }

        IAsyncDisposable held;
        try
        {
            held = await Lock.AcquireAsync(run.Environment, "recovery-of-" + run.Id, cancellationToken);
        }
        catch (EnvironmentBusyException ex)
        {
            progress.Report($"run {run.Id} ({run.Drill} on {run.Environment}) is {run.Status.ToString().ToLowerInvariant()} and its environment is locked by a live process: left alone ({ex.Message})");
            return RecoveryOutcome.LeftAlone;
        }

        await using (held)
        {
            // Under the lock, read again: the run may have finished normally between the query and the lock.
            if (await Journal.GetRunAsync(run.Id, cancellationToken) is not { Status: RunStatus.Running or RunStatus.RestoreFailed } current)
            {
                return RecoveryOutcome.NothingToDo;
            }

            progress.Report(current.Status == RunStatus.Running
                ? $"run {run.Id} ({run.Drill} on {run.Environment}) was left running: restoring what it changed"
                : $"run {run.Id} ({run.Drill} on {run.Environment}) failed to restore: retrying its undo");
            try
            {
                var environment = EnvironmentLoader.Load(run.EnvironmentFile, Catalog);
                var (driver, _) = await Drivers.SelectAsync(environment, run.Driver, cancellationToken);
                await using (driver)
                {
                    var ok = await new CrashRecovery(Journal, Catalog, Time).RecoverRunAsync(current, environment, driver, cancellationToken);
                    progress.Report(ok ? $"run {run.Id}: restored" : $"run {run.Id}: RESTORE STILL FAILS; see `drill report {run.Id}`");
                    return ok ? RecoveryOutcome.Restored : RecoveryOutcome.StillFailing;
                }
            }
            catch (Exception ex) when (ex is DrillInputException or DriverException or IOException)
            {
                progress.Report($"run {run.Id}: cannot be restored now ({ex.Message.Split('\n')[0]}); it stays {current.Status.ToString().ToLowerInvariant()} and is tried again");
                return RecoveryOutcome.StillFailing;
            }
        }
    }

    /// <summary>
    /// A human gives up on a failed restore (<c>drill recover --give-up</c>): the changes not reverted are left as they
    /// are and no longer retried; the run ends GivenUp. Takes the environment lock; callers audit it.
    /// </summary>
    public async Task<IReadOnlyList<UndoEntry>> GiveUpAsync(string runId, string who, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("giving up on a restore needs a reason", nameof(reason));
        }

        var run = await Journal.GetRunAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"no run with id '{runId}'");
        await using var held = await AcquireForGiveUpAsync(run, cancellationToken);
        var current = await Journal.GetRunAsync(run.Id, cancellationToken) ?? run;
        return await new CrashRecovery(Journal, Catalog, Time).GiveUpAsync(current, who, reason.Trim(), cancellationToken);
    }

    /// <summary>
    /// The environment's lock for a give-up. A failed restore is retried by sweeps and watchdogs, which hold the lock
    /// while they try: the human's decision waits for that attempt (up to <see cref="GiveUpLockWait"/>) instead of
    /// being refused because a retry happened to be running; still busy after that, it is refused with the holder.
    /// </summary>
    private async Task<IAsyncDisposable> AcquireForGiveUpAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var started = Time.GetTimestamp();
        while (true)
        {
            try
            {
                return await Lock.AcquireAsync(run.Environment, "give-up-of-" + run.Id, cancellationToken);
            }
            catch (EnvironmentBusyException) when (Time.GetElapsedTime(started) < GiveUpLockWait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), Time, cancellationToken);
            }
        }
    }
}
