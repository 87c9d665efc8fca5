using System.ComponentModel.DataAnnotations;
using DrillRunner.Units;

namespace DrillRunner.Model;

/// <summary>A step aimed at some instances of one service: <c>count</c> or <c>percent</c> of them (default 1), optionally of one role.</summary>
public class TargetedStepOptions : StepOptions, IServiceStepOptions
{
    [Required]
    public string Service { get; init; } = "";

    [Range(1, 1000)]
    public int? Count { get; init; }

    public Percentage? Percent { get; init; }

    /// <summary>
    /// Only instances holding this role right now (one of the service's <c>roles</c>, e.g. <c>primary</c>), checked
    /// when the step starts; the chosen instance is journaled like any other target.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>Guardrail: a fault on every instance of a service is refused unless this is true.</summary>
    public bool AllowTotalOutage { get; init; }
}
