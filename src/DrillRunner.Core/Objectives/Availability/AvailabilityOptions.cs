using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Objectives.Availability;

/// <summary>
/// Objective <c>availability</c>: share of good requests in the drill window; with <c>probe</c>/<c>probes</c>, the
/// share of good samples of those probes instead (e.g. the canary's writes).
/// </summary>
public sealed class AvailabilityOptions : ObjectiveOptions, IProbeReferences
{
    public Percentage Target { get; init; } = new(0.99);

    public string? Probe { get; init; }

    public IReadOnlyList<string> Probes { get; init; } = [];

    public IEnumerable<ProbeReference> ProbeReferences => ProbeSelection.References(Probe, Probes);
}
