using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// Finishes the restore of runs a dead runner left <c>Running</c>: undoes every journaled change not known to be
/// reverted, newest first, and marks the run <c>Interrupted</c> (or <c>RestoreFailed</c>) with events saying what
/// was restored and when.
/// </summary>
public sealed class CrashRecovery(IJournalStore journal, DrillCatalog catalog, TimeProvider time)
{
    /// <summary>Recovers the left-over runs of one environment with its driver; returns how many.</summary>
    public async Task<int> RecoverEnvironmentAsync(EnvironmentSpec environment, IEnvironmentDriver driver, CancellationToken cancellationToken)
    {
        var runs = await journal.FindRunsAsync(new RunQuery(Status: RunStatus.Running, Environment: environment.Name), cancellationToken);
        foreach (var run in runs)
        {
            await RecoverRunAsync(run, environment, driver, cancellationToken);
        }

        return runs.Count;
    }

    public async Task RecoverRunAsync(RunRecord run, EnvironmentSpec environment, IEnvironmentDriver driver, CancellationToken cancellationToken)
    {
        var context = new StepContext { RunId = run.Id, Environment = environment, Driver = driver, Time = time, Timeline = new RunTimeline() };
        await LogAsync(run.Id, EventKinds.Note, $"crash recovery: run was left running by a runner that stopped; restoring its changes");
        var failed = false;
        var entries = await journal.GetUndoEntriesAsync(run.Id, cancellationToken);
        foreach (var entry in entries.Where(e => e.Status is UndoStatus.Pending or UndoStatus.Active).Reverse())
        {
            try
            {
                var handler = catalog.FindUndo(entry.Record.Kind)
                    ?? throw new InvalidOperationException($"no undo handler for '{entry.Record.Kind}'");
                using var timeout = new CancellationTokenSource(Restorer.UndoTimeout, time);
                var detail = await handler.UndoAsync(context, entry.Record, timeout.Token);
                await journal.SetUndoStatusAsync(entry.Id, UndoStatus.Reverted, time.GetUtcNow(), detail, cancellationToken);
                await LogAsync(run.Id, EventKinds.FaultReverted, $"crash recovery reverted {entry.Step}: {detail}", entry.Step);
            }
#pragma warning disable CA1031 // Recorded and reported; the other changes are still restored.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed = true;
                await journal.SetUndoStatusAsync(entry.Id, UndoStatus.Failed, time.GetUtcNow(), ex.Message, cancellationToken);
                await LogAsync(run.Id, EventKinds.Error, $"RESTORE FAILED during crash recovery for {entry.Step} ({entry.Record.Target}): {ex.Message}", entry.Step);
            }
        }

        var status = failed ? RunStatus.RestoreFailed : RunStatus.Interrupted;
        await LogAsync(run.Id, EventKinds.Note, $"crash recovery finished: run marked {status}");
        await journal.FinishRunAsync(run.Id, status, time.GetUtcNow(), null, null, null, cancellationToken);
    }

    private Task LogAsync(string runId, string kind, string message, string? step = null) =>
        journal.AppendEventAsync(runId, new TimelineEvent(time.GetUtcNow(), kind, message, step), CancellationToken.None);
}
