using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps;

/// <summary>
/// Undoes one kind of change from its journaled record alone. Must be idempotent (the change may never have
/// happened, or was already undone) and must verify the result; returns what it did for the timeline.
/// </summary>
public interface IUndoHandler
{
    Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken);

    /// <summary>How long this kind of undo may take before it counts as failed; null: <see cref="UndoExecutor.UndoTimeout"/>.</summary>
    TimeSpan? TimeLimit => null;
}
