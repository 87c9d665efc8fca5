using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps;

/// <summary>
/// A fault or an action, created by the catalog from its options. The engine journals the undo record
/// returned by <see cref="PrepareAsync"/> before calling <see cref="ExecuteAsync"/>.
/// </summary>
public interface IStep
{
    /// <summary>True for faults (root cause in the report); false for runbook actions.</summary>
    bool IsFault { get; }

    /// <summary>One line for the plan and the report, e.g. "kill 1 of app (SIGKILL)".</summary>
    string Describe();

    /// <summary>Decides targets and returns how to undo the change, before anything changes. Null: nothing to undo.</summary>
    Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken);

    /// <summary>Makes the change and verifies it took effect; returns what was done, for the timeline.</summary>
    Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken);
}
