using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>A periodic check producing samples for the timeline.</summary>
public class ProbeOptions : ComponentOptions
{
    [Required]
    public string Name { get; init; } = "";

    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
}
