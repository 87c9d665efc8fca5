using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Steps;

/// <summary>
/// A fault or an action, created by the catalog from its options. The engine journals the undo record
/// returned by <see cref="PrepareAsync"/> before calling <see cref="ExecuteAsync"/>.
/// </summary>
public interface IStep
{
    /// <summary>True for faults (root cause in the report); false for runbook actions.</summary>
    bool IsFault { get; }

    /// <summary>
    /// True for steps that run beside the drill rather than in it (baseline traffic): neither a fault nor a runbook
    /// step, so they are not timed in the runbook and their failure is an error of the run, not of the DR plan.
    /// </summary>
    bool IsBackground => false;

    /// <summary>One line for the plan and the report, e.g. "kill 1 of app (SIGKILL)".</summary>
    string Describe();

    /// <summary>
    /// The driver capabilities (<c>IDriverCapability</c> interfaces) this step needs; the loader refuses the step on
    /// an environment whose driver lacks one, and the engine checks the driver it got before anything runs.
    /// </summary>
    IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [];

    /// <summary>
    /// Problems of the step against the environment beyond its own fields (a peer service it names, a mount the
    /// service lacks), reported with file, line and field when the drill loads.
    /// </summary>
    IEnumerable<FileProblem> CheckAgainst(EnvironmentSpec environment) => [];

    /// <summary>URLs the step will contact (traffic targets), for the allowlist guardrail.</summary>
    IEnumerable<Uri> Targets => [];

    /// <summary>Decides targets and returns how to undo the change, before anything changes. Null: nothing to undo.</summary>
    Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken);

    /// <summary>Makes the change and verifies it took effect; returns what was done, for the timeline.</summary>
    Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken);
}
