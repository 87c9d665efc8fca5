using DrillRunner.Catalog;
using DrillRunner.Journal;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// Undoes changes: one at a time when a fault's duration ends, or all still active in reverse order in the
/// restore phase. Each undo is verified by its handler and journaled; a failure is recorded, never swallowed.
/// </summary>
internal sealed class Restorer(DrillCatalog catalog)
{
    // A restore must finish even after an abort, but must not hang forever on a dead engine.
    public static readonly TimeSpan UndoTimeout = TimeSpan.FromMinutes(2);

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

            using var timeout = new CancellationTokenSource(UndoTimeout, state.Time);
            try
            {
                var handler = catalog.FindUndo(change.Record.Kind)
                    ?? throw new InvalidOperationException($"no undo handler registered for '{change.Record.Kind}'");
                var detail = await handler.UndoAsync(state.Context, change.Record, timeout.Token);
                await state.Journal.SetUndoStatusAsync(change.EntryId, UndoStatus.Reverted, state.Time.GetUtcNow(), detail, CancellationToken.None);
                await state.LogAsync(change.IsFault ? EventKinds.FaultReverted : EventKinds.Action, $"reverted {change.Label}: {detail}", change.Label);
            }
#pragma warning disable CA1031 // Every failure to undo is recorded and reported; the restore goes on with the rest.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                AnyFailed = true;
                var reason = ex is OperationCanceledException ? $"timed out after {UndoTimeout.TotalSeconds:0}s" : ex.Message;
                await state.Journal.SetUndoStatusAsync(change.EntryId, UndoStatus.Failed, state.Time.GetUtcNow(), reason, CancellationToken.None);
                await state.LogAsync(EventKinds.Error, $"RESTORE FAILED for {change.Label} ({change.Record.Target}): {reason}", change.Label);
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
            using var timeout = new CancellationTokenSource(UndoTimeout, state.Time);
            try
            {
                var undo = await rollback.Step.PrepareAsync(state.Context, timeout.Token);
                var detail = await rollback.Step.ExecuteAsync(state.Context, undo, timeout.Token);
                await state.LogAsync(EventKinds.Action, $"rollback {rollback.Label}: {detail}", rollback.Label);
            }
#pragma warning disable CA1031 // Same as above: recorded, and the run ends restore-failed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                AnyFailed = true;
                await state.LogAsync(EventKinds.Error, $"ROLLBACK FAILED {rollback.Label}: {ex.Message}", rollback.Label);
            }
        }
    }
}
