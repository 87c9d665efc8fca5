using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Steps.Scale;

/// <summary>Options of the <c>scale</c> action.</summary>
public sealed class ScaleOptions : StepOptions, IServiceStepOptions
{
    [Required]
    public string Service { get; init; } = "";

    [Range(0, 50)]
    public int Replicas { get; init; } = 1;
}
