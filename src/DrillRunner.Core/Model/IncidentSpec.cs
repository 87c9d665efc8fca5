using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>
/// The real incident a drill replays. Drills with the same <see cref="Name"/> are one series in the leadership
/// report: the replay as it happened (<see cref="IncidentStage.BeforeFixes"/>) next to the same incident against the
/// corrective measures (<see cref="IncidentStage.AfterFixes"/>), so a reader sees FAIL turn into PASS.
/// </summary>
public sealed class IncidentSpec
{
    [Required]
    public string Name { get; init; } = "";

    public IncidentStage Stage { get; init; } = IncidentStage.BeforeFixes;

    /// <summary>The incident's write-up in the repository (times, impact, root cause, promised measures).</summary>
    public string? Document { get; init; }
}

public enum IncidentStage
{
    BeforeFixes,
    AfterFixes,
}
