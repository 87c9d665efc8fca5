using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Steps.Limits;

/// <summary>Options of <c>cpu-limit</c>: throttle instances to a share of a CPU (their CPU quota).</summary>
public sealed class CpuLimitOptions : TargetedStepOptions
{
    /// <summary>CPUs the instance may use: 0.5 is half of one CPU's time, 2 is two CPUs.</summary>
    [Required]
    [Range(0.01, 64)]
    public double? Cpus { get; init; }
}
