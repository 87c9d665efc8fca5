using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>When the server runs the drill by itself.</summary>
public sealed class ScheduleSpec
{
    /// <summary>Five-field cron expression, e.g. <c>0 3 * * 1</c>.</summary>
    [Required]
    public string Cron { get; init; } = "";

    public string TimeZone { get; init; } = "UTC";
}
