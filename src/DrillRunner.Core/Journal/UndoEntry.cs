namespace DrillRunner.Journal;

/// <summary>A journaled change and where its undo stands.</summary>
public sealed record UndoEntry(
    long Id,
    string RunId,
    string Step,
    UndoRecord Record,
    UndoStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? InjectedAt,
    DateTimeOffset? RevertedAt,
    string? Detail);
