using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>When the server runs the drill by itself.</summary>
public sealed class ScheduleSpec
{
    /// <summary>Five-field cron expression, e.g. <c>0 3 * * 1</c>.</summary>
    [Required]
    public string Cron { get; init; } = "";

    public string TimeZone { get; init; } = "UTC";

    /// <summary>Allowed windows in the schedule's time zone, e.g. <c>Mon-Fri 09:00-17:00</c>; empty means any time.</summary>
    public IReadOnlyList<string> Windows { get; init; } = [];

    /// <summary>Dates (<c>yyyy-MM-dd</c>, in the schedule's time zone) on which scheduled occurrences are skipped.</summary>
    public IReadOnlyList<string> Blackouts { get; init; } = [];
}
