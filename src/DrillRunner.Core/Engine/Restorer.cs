using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// Undoes this run's changes through the <see cref="UndoExecutor"/>: one at a time when a fault's duration ends, or
/// all still active in reverse order in the restore phase, then the drill's rollbacks. A failure is recorded, never
/// swallowed, and the rest is still undone.
/// </summary>
internal sealed class Restorer(UndoExecutor executor)
{
    public bool AnyFailed { get; private set; }

    public async Task UndoAsync(RunState state, ActiveChange change)
    {
        await change.Gate.WaitAsync();
        try
        {
            if (change.Done)
            {
                return;
            }

            var outcome = await executor.UndoAsync(state.Context, change.EntryId, change.Record, CancellationToken.None);
            if (outcome.Reverted)
            {
                await state.LogAsync(change.IsFault ? EventKinds.FaultReverted : EventKinds.Action, $"reverted {change.Label}: {outcome.Detail}", change.Label);
            }
            else
            {
                AnyFailed = true;
                await state.LogAsync(EventKinds.Error, $"RESTORE FAILED for {change.Label} ({change.Record.Target}): {outcome.Detail}", change.Label);
            }

            if (outcome.JournalError is { } journalError)
            {
                await state.LogAsync(EventKinds.Error, $"journal: could not record the undo of {change.Label} ({journalError}); `drill recover` will check it again", change.Label);
            }

            change.Done = true;
        }
        finally
        {
            change.Gate.Release();
        }
    }

    public async Task RestoreAllAsync(RunState state)
    {
        foreach (var change in state.PendingChanges())
        {
            await UndoAsync(state, change);
        }

        foreach (var rollback in state.Drill.Rollbacks)
        {
            var outcome = await executor.RollbackAsync(state.Context, rollback, CancellationToken.None);
            if (outcome.Reverted)
            {
                await state.LogAsync(EventKinds.Action, $"rollback {rollback.Label}: {outcome.Detail}", rollback.Label);
            }
            else
            {
                AnyFailed = true;
                await state.LogAsync(EventKinds.Error, $"ROLLBACK FAILED {rollback.Label}: {outcome.Detail}", rollback.Label);
            }
        }

        var sweep = await LeftoverSweep.RunAsync(state.Context.Driver, state.Time, CancellationToken.None);
        AnyFailed |= !sweep.Succeeded;
        if (!sweep.Succeeded || sweep.Removed.Count > 0)
        {
            await state.LogAsync(sweep.Succeeded ? EventKinds.Note : EventKinds.Error, sweep.Describe());
        }
    }
}
