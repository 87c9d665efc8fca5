namespace DrillRunner.Model;

/// <summary>
/// A probe an objective (or other part) of a drill depends on: by <see cref="Name"/>, or, when that is null, the
/// drill's only probe of <see cref="Kind"/>. <see cref="Kind"/> null accepts any kind.
/// </summary>
public sealed record ProbeReference(string Field, string? Name, string? Kind);

/// <summary>Options that name probes of their drill; the loader checks each reference against the drill's probes.</summary>
public interface IProbeReferences
{
    IEnumerable<ProbeReference> ProbeReferences { get; }
}
