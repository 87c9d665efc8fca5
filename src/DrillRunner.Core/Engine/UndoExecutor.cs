using DrillRunner.Catalog;
using DrillRunner.Journal;
using DrillRunner.Loading;

namespace DrillRunner.Engine;

/// <summary>
/// The one way a change is undone, used by the restore phase, crash recovery and sweeps: finds the handler of the
/// record's kind, runs it under <see cref="UndoTimeout"/>, then records the outcome in the journal. A journal that
/// throws never stops an undo: the outcome says the status could not be recorded, and the entry stays not reverted
/// in the journal, so a later recovery undoes it again (handlers are idempotent).
/// </summary>
public sealed class UndoExecutor(DrillCatalog catalog, IJournalStore journal, TimeProvider time)
{
    /// <summary>A restore must finish even after an abort, but must not hang forever on a dead engine.</summary>
    public static readonly TimeSpan UndoTimeout = TimeSpan.FromMinutes(2);

    public async Task<UndoOutcome> UndoAsync(StepContext context, long entryId, UndoRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(record);
        string detail;
        var reverted = false;
        var handler = catalog.FindUndo(record.Kind);
        var limit = handler?.TimeLimit ?? UndoTimeout;
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            detail = await (handler ?? throw new InvalidOperationException($"no undo handler registered for '{record.Kind}'"))
                .UndoAsync(context, record, linked.Token);
            reverted = true;
        }
#pragma warning disable CA1031 // Every failure to undo is recorded and reported; the caller goes on with the rest.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            detail = ex is OperationCanceledException && timeout.IsCancellationRequested ? $"timed out after {limit.TotalSeconds:0}s" : ex.Message;
        }

        var journalError = await TryJournalAsync(() => journal.SetUndoStatusAsync(
            entryId, reverted ? UndoStatus.Reverted : UndoStatus.Failed, time.GetUtcNow(), detail, CancellationToken.None));
        return new UndoOutcome(reverted, detail, journalError);
    }

    /// <summary>Runs one of the drill's rollbacks (a step run at the restore, after every undo).</summary>
    public async Task<UndoOutcome> RollbackAsync(StepContext context, PlannedStep rollback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rollback);
        using var timeout = new CancellationTokenSource(UndoTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var undo = await rollback.Step.PrepareAsync(context, linked.Token);
            return new UndoOutcome(true, await rollback.Step.ExecuteAsync(context, undo, linked.Token), null);
        }
#pragma warning disable CA1031 // Same as above: recorded, and the run ends restore-failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new UndoOutcome(false, ex is OperationCanceledException && timeout.IsCancellationRequested ? $"timed out after {UndoTimeout.TotalSeconds:0}s" : ex.Message, null);
        }
    }

    /// <summary>Runs a journal write; returns its error message instead of throwing.</summary>
    public static async Task<string?> TryJournalAsync(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            await write();
            return null;
        }
#pragma warning disable CA1031 // A journal that fails (full disk, busy, failover) must not stop a restore.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex.Message;
        }
    }
}

/// <summary>What an undo did: whether it reverted (verified), its detail or failure, and a journal write that failed.</summary>
public sealed record UndoOutcome(bool Reverted, string Detail, string? JournalError);
