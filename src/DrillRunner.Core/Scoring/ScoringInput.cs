using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Timeline;

namespace DrillRunner.Scoring;

/// <summary>
/// Everything scoring may look at; scoring is a pure function of this. <see cref="StoppedBy"/>: why the run was cut
/// short from outside its drill (halt-all, maximum run length), which makes its measurements incomplete.
/// </summary>
public sealed record ScoringInput(
    TimelineSnapshot Timeline,
    IReadOnlyList<UndoEntry> Journal,
    RunWindow Window,
    RecoverySpec Recovery,
    string? StoppedBy = null);

/// <summary>The run's phase boundaries (method = injection phase).</summary>
public sealed record RunWindow(
    DateTimeOffset MethodStart,
    DateTimeOffset? FirstFaultAt,
    DateTimeOffset RestoreStart,
    DateTimeOffset RestoreEnd,
    DateTimeOffset End);
