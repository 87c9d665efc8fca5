using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Timeline;

namespace DrillRunner.Scoring;

/// <summary>Everything scoring may look at; scoring is a pure function of this.</summary>
public sealed record ScoringInput(
    TimelineSnapshot Timeline,
    IReadOnlyList<UndoEntry> Journal,
    RunWindow Window,
    RecoverySpec Recovery);

/// <summary>The run's phase boundaries (method = injection phase).</summary>
public sealed record RunWindow(
    DateTimeOffset MethodStart,
    DateTimeOffset? FirstFaultAt,
    DateTimeOffset RestoreStart,
    DateTimeOffset RestoreEnd,
    DateTimeOffset End);
