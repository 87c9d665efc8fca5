using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Probes.ContainerHealth;

/// <summary>Options of the <c>container-health</c> probe: a service's instances as the driver sees them.</summary>
public sealed class ContainerHealthOptions : ProbeOptions
{
    [Required]
    public string Service { get; init; } = "";

    /// <summary>How many instances must be running (and healthy, where they have a health check); default all.</summary>
    [Range(1, 1000)]
    public int? MinimumHealthy { get; init; }
}
