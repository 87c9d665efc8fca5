using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Probes.Canary;

/// <summary>
/// Options of the <c>canary</c> probe: each interval it writes a sequenced, timestamped record through the
/// application's write path; after recovery and at the end it reads every acknowledged one back.
/// </summary>
public sealed class CanaryProbeOptions : ProbeOptions
{
    [Required]
    public CanaryWriteOptions? Write { get; init; }

    /// <summary>Without a read path nothing can say whether a write survived: required.</summary>
    [Required]
    public CanaryReadOptions? Read { get; init; }
}
