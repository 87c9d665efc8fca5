namespace DrillRunner.Model;

/// <summary>
/// The recovery objectives an environment's owners declared (<c>objectives: { rto: 5m, rpo: 30s }</c>): what the DR
/// plan promises for it. A drill's objectives refer to them as <c>${objectives.rto}</c> and <c>${objectives.rpo}</c>,
/// and reports say whether a run met them.
/// </summary>
public sealed class EnvironmentObjectives
{
    /// <summary>Longest acceptable time until users can use the service again.</summary>
    public TimeSpan? Rto { get; init; }

    /// <summary>Most acceptable data loss, as the age of the newest acknowledged write that may be lost.</summary>
    public TimeSpan? Rpo { get; init; }
}
