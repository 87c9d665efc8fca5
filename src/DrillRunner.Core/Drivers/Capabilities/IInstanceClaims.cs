using DrillRunner.Loading;

namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Confirms that no other environment claims this environment's instances (e.g. a container matched by the selectors
/// of two environments). Not required by any step: the engine, the dry run and <c>env up</c> ask a driver that has it
/// before anything starts, and the driver checks again before its first disruptive call.
/// </summary>
[Capability("checking that no other environment claims its instances")]
public interface IInstanceClaims : IDriverCapability
{
    /// <summary>Every conflict, with the file, line and field to fix; empty when there is none.</summary>
    Task<IReadOnlyList<FileProblem>> FindConflictsAsync(CancellationToken cancellationToken);
}
