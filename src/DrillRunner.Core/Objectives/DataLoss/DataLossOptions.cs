using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;
using DrillRunner.Probes.Canary;

namespace DrillRunner.Objectives.DataLoss;

/// <summary>
/// Objective <c>data-loss</c> (RPO): from the drill's <c>canary</c> probe, the acknowledged writes that did not
/// survive. <see cref="Rpo"/> and/or <see cref="MaxLostWrites"/> are its targets; a hard gate.
/// </summary>
public sealed class DataLossOptions : ObjectiveOptions, IProbeReferences, IValidatableObject
{
    /// <summary>At most this long between the newest lost acknowledged write and the newest one before it that survived.</summary>
    public TimeSpan? Rpo { get; init; }

    [Range(0, int.MaxValue)]
    public long? MaxLostWrites { get; init; }

    /// <summary>The canary probe whose writes count; may be left out when the drill has exactly one.</summary>
    public string? Probe { get; init; }

    public IEnumerable<ProbeReference> ProbeReferences => [new(nameof(Probe), Probe, CanaryConstants.Kind)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Rpo is null && MaxLostWrites is null)
        {
            yield return new ValidationResult("give rpo (e.g. 5s) and/or maxLostWrites (e.g. 0)", [nameof(Rpo)]);
        }
    }
}
