namespace DrillRunner.Journal;

/// <summary>
/// How to undo one change, written to the journal before the change is made. <see cref="Payload"/> is JSON
/// owned by the step kind's undo handler, complete enough to undo from a fresh process after a crash.
/// </summary>
public sealed record UndoRecord(string Kind, string Target, string Payload);
