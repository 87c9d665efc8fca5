using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>A rehearsal of an incident, loaded from <c>drills/*.yaml</c>.</summary>
public sealed class DrillSpec
{
    [Required]
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The real incident this drill replays, pairing it with other drills of the same incident.</summary>
    public IncidentSpec? Incident { get; init; }

    /// <summary>Environment name (looked up in <c>drills/environments/</c>) or a path to its file.</summary>
    [Required]
    public string Environment { get; init; } = "";

    public ScheduleSpec? Schedule { get; init; }

    public PreflightSpec Preflight { get; init; } = new();

    public IReadOnlyList<ProbeOptions> Probes { get; init; } = [];

    public IReadOnlyList<StepOptions> Steps { get; init; } = [];

    public IReadOnlyList<ObjectiveOptions> Objectives { get; init; } = [];

    /// <summary>The monitoring whose alerts count as detection (objective <c>detect</c>).</summary>
    public AlertSourceSpec? Alerts { get; init; }

    public IReadOnlyList<AbortOptions> Abort { get; init; } = [];

    /// <summary>The drill's own clean-up actions, run after every fault is undone.</summary>
    public IReadOnlyList<StepOptions> Rollbacks { get; init; } = [];

    public RecoverySpec Recovery { get; init; } = new();

    /// <summary>
    /// The longest the run may inject: past it the engine stops injecting and restores. Null: the runner's default
    /// (<see cref="DrillLimits.DefaultMaxDuration"/> unless configured). The steps must end within it.
    /// </summary>
    [DurationRange("1s", "7d")]
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>
    /// The dead-man's switch: if the runner stops (dies, or hangs and stops renewing its heartbeat) for this long, its
    /// watchdog, or any server sharing its journal, restores everything the run changed.
    /// </summary>
    [DurationRange("5s", "1h")]
    public TimeSpan Lease { get; init; } = DrillLimits.DefaultLease;

    /// <summary>Score below which the verdict is FAIL even when no hard gate was missed.</summary>
    [Range(0, 100)]
    public double PassScore { get; init; } = 70;
}
