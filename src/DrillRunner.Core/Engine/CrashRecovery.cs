using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// Finishes the restore of runs a dead runner left <c>Running</c>, and retries runs whose restore failed: undoes every
/// journaled change not known to be reverted, newest first, through the same <see cref="UndoExecutor"/> as the
/// restore phase, then runs the drill's rollbacks (read again from its file), and marks the run <c>Interrupted</c>
/// (or leaves it <c>RestoreFailed</c>) with events saying what was restored and when. Callers must hold the run's
/// environment lock: a run whose lock is held elsewhere may still be live.
/// </summary>
public sealed class CrashRecovery(IJournalStore journal, DrillCatalog catalog, TimeProvider time)
{
    private readonly UndoExecutor _executor = new(catalog, journal, time);

    /// <summary>Runs of an environment that still need a restore: left running, or whose restore failed.</summary>
    public async Task<IReadOnlyList<RunRecord>> FindUnfinishedAsync(string environment, CancellationToken cancellationToken)
    {
        var running = await journal.FindRunsAsync(new RunQuery(Status: RunStatus.Running, Environment: environment, Limit: 10_000), cancellationToken);
        var failed = await journal.FindRunsAsync(new RunQuery(Status: RunStatus.RestoreFailed, Environment: environment, Limit: 10_000), cancellationToken);
        return [.. running.Concat(failed).OrderBy(r => r.StartedAt)];
    }

    /// <summary>Recovers the unfinished runs of one environment with its driver; returns how many.</summary>
    public async Task<int> RecoverEnvironmentAsync(EnvironmentSpec environment, IEnvironmentDriver driver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var runs = await FindUnfinishedAsync(environment.Name, cancellationToken);
        foreach (var run in runs)
        {
            await RecoverRunAsync(run, environment, driver, cancellationToken);
        }

        return runs.Count;
    }

    /// <summary>Restores one run; true when everything it changed is reverted.</summary>
    public async Task<bool> RecoverRunAsync(RunRecord run, EnvironmentSpec environment, IEnvironmentDriver driver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var context = new StepContext { RunId = run.Id, Environment = environment, Driver = driver, Time = time, Timeline = new RunTimeline() };
        var retry = run.Status == RunStatus.RestoreFailed;
        await LogAsync(run.Id, EventKinds.Note, retry
            ? "recovery: retrying the undo that failed"
            : "crash recovery: run was left running by a runner that stopped; restoring its changes");
        var failed = false;
        var entries = await journal.GetUndoEntriesAsync(run.Id, cancellationToken);
        foreach (var entry in entries.Where(e => e.Status is UndoStatus.Pending or UndoStatus.Active or UndoStatus.Failed).Reverse())
        {
            var outcome = await _executor.UndoAsync(context, entry.Id, entry.Record, cancellationToken);
            failed |= !outcome.Reverted || outcome.JournalError is not null;
            await LogAsync(run.Id, outcome.Reverted ? EventKinds.FaultReverted : EventKinds.Error, outcome.Reverted
                ? $"crash recovery reverted {entry.Step}: {outcome.Detail}"
                : $"RESTORE FAILED during crash recovery for {entry.Step} ({entry.Record.Target}): {outcome.Detail}", entry.Step);
        }

        failed |= !await RollbacksAsync(run, context, cancellationToken);
        var sweep = await LeftoverSweep.RunAsync(driver, time, cancellationToken);
        failed |= !sweep.Succeeded;
        if (!sweep.Succeeded || sweep.Removed.Count > 0)
        {
            await LogAsync(run.Id, sweep.Succeeded ? EventKinds.Note : EventKinds.Error, $"crash recovery: {sweep.Describe()}");
        }

        var status = failed ? RunStatus.RestoreFailed : RunStatus.Interrupted;

        await LogAsync(run.Id, EventKinds.Note, $"crash recovery finished: run marked {status}");
        await UndoExecutor.TryJournalAsync(() => journal.FinishRunAsync(run.Id, status, time.GetUtcNow(), null, null, null, cancellationToken));
        return !failed;
    }

    /// <summary>
    /// A human gives up on a restore that keeps failing: every change not reverted is marked given up (left as it is,
    /// no longer retried by recoveries and sweeps), the run ends <c>GivenUp</c> with an event naming who and why.
    /// Callers hold the environment lock and audit the decision. Journal failures throw: nothing is given up silently.
    /// </summary>
    public async Task<IReadOnlyList<UndoEntry>> GiveUpAsync(RunRecord run, string who, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.RestoreFailed)
        {
            throw new InvalidOperationException($"run {run.Id} is {run.Status}, not RestoreFailed: only a failed restore can be given up");
        }

        var now = time.GetUtcNow();
        var left = (await journal.GetUndoEntriesAsync(run.Id, cancellationToken)).Where(e => e.Status is not (UndoStatus.Reverted or UndoStatus.GivenUp)).ToList();
        foreach (var entry in left)
        {
            await journal.SetUndoStatusAsync(entry.Id, UndoStatus.GivenUp, now, $"given up by {who}: {reason}", cancellationToken);
        }

        var what = left.Count == 0 ? "no change left unrestored" : string.Join("; ", left.Select(e => $"{e.Step} ({e.Record.Kind} {e.Record.Target})"));
        await journal.AppendEventAsync(run.Id, new TimelineEvent(now, EventKinds.Note, $"restore given up by {who}: {reason}; left as they are: {what}"), cancellationToken);
        await journal.FinishRunAsync(run.Id, RunStatus.GivenUp, now, null, null, null, cancellationToken);
        return left;
    }

    // The drill's rollbacks are in its file, not in the journal: read it again. A drill without rollbacks is fine; one
    // that cannot be read any more is a failure only when it might have had some.
    private async Task<bool> RollbacksAsync(RunRecord run, StepContext context, CancellationToken cancellationToken)
    {
        LoadedDrill drill;
        try
        {
            drill = new DrillLoader(catalog).Load(run.DrillFile, run.EnvironmentFile);
        }
        catch (Exception ex) when (ex is DrillInputException or IOException or UnauthorizedAccessException)
        {
            await LogAsync(run.Id, EventKinds.Note, $"rollbacks not run: the drill file {run.DrillFile} cannot be loaded now ({ex.Message.Split('\n')[0]})");
            return true;
        }

        var ok = true;
        foreach (var rollback in drill.Rollbacks)
        {
            var outcome = await _executor.RollbackAsync(context, rollback, cancellationToken);
            ok &= outcome.Reverted;
            await LogAsync(run.Id, outcome.Reverted ? EventKinds.Action : EventKinds.Error,
                outcome.Reverted ? $"crash recovery rollback {rollback.Label}: {outcome.Detail}" : $"ROLLBACK FAILED during crash recovery {rollback.Label}: {outcome.Detail}", rollback.Label);
        }

        return ok;
    }

    private async Task LogAsync(string runId, string kind, string message, string? step = null) =>
        await UndoExecutor.TryJournalAsync(() => journal.AppendEventAsync(runId, new TimelineEvent(time.GetUtcNow(), kind, message, step), CancellationToken.None));
}
