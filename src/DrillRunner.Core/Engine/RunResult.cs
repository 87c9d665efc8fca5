using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>Everything known about a finished run: the input of every report format.</summary>
public sealed record RunResult(
    string RunId,
    string Drill,
    string? Description,
    string Environment,
    string Driver,
    string Trigger,
    RunStatus Status,
    string? Reason,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    RunWindow? Window,
    IReadOnlyList<StepSummary> Steps,
    IReadOnlyList<UndoEntry> Changes,
    TimelineSnapshot Timeline,
    Score? Score,
    RecoverySpec? Recovery = null)
{
    /// <summary>The incident the drill replays (null for drills that replay none, and in older results).</summary>
    public IncidentSpec? Incident { get; init; }

    /// <summary>The RTO and RPO the environment declared when the run started (empty in results saved before).</summary>
    public EnvironmentObjectives DeclaredObjectives
    {
        get;
        init => field = value ?? new EnvironmentObjectives();
    } = new();

    /// <summary>How often the drill's schedule runs it (null: unscheduled): how long its proof stays fresh.</summary>
    public TimeSpan? SchedulePeriod { get; init; }
}

/// <summary>A step as planned in the drill file, for the report's root-cause and resolution sections.</summary>
public sealed record StepSummary(string Label, string Kind, string Description, TimeSpan At, TimeSpan? Duration, bool IsFault, bool IsBackground = false)
{
    /// <summary>A step of the DR plan: an action (a command, a start, a human acknowledgement), not a fault or background load.</summary>
    public bool IsRunbook => !IsFault && !IsBackground;
}
