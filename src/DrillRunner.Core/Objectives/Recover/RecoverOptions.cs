using DrillRunner.Model;

namespace DrillRunner.Objectives.Recover;

/// <summary>
/// Objective <c>recover</c>: time to recover (RTO), from first failing sample to steady state back, of every
/// probe or of the ones named (e.g. the canary: the write path's RTO).
/// </summary>
public sealed class RecoverOptions : ObjectiveOptions, IProbeReferences
{
    public TimeSpan Target { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Only this probe's samples count.</summary>
    public string? Probe { get; init; }

    /// <summary>Only these probes' samples count.</summary>
    public IReadOnlyList<string> Probes { get; init; } = [];

    public IEnumerable<ProbeReference> ProbeReferences => ProbeSelection.References(Probe, Probes);
}
