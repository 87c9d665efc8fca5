using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Steps.Limits;

/// <summary>Options of <c>memory-limit</c>: cap instances' memory; one that needs more is reclaimed, then OOM-killed.</summary>
public sealed class MemoryLimitOptions : TargetedStepOptions
{
    [Required]
    [SizeRange(ResourceLimitConstants.MinMemoryBytes, ByteSize.Max)]
    public ByteSize? Limit { get; init; }
}
