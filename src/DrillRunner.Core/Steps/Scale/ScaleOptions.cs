using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Steps.Scale;

/// <summary>Options of the <c>scale</c> action.</summary>
public sealed class ScaleOptions : StepOptions, IServiceStepOptions
{
    [Required]
    public string Service { get; init; } = "";

    /// <summary>The most replicas a <c>scale</c> action may ask for (a service's <c>maxInstances</c> may be lower).</summary>
    public const int MaxReplicas = 50;

    [Range(0, MaxReplicas)]
    public int Replicas { get; init; } = 1;
}
