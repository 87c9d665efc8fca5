using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>A periodic check producing samples for the timeline.</summary>
public class ProbeOptions : ComponentOptions
{
    [Required]
    public string Name { get; init; } = "";

    [DurationRange("50ms", "1h")]
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(500);

    [DurationRange("1ms", "10m")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
}
