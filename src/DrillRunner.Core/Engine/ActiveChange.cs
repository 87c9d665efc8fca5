using DrillRunner.Journal;

namespace DrillRunner.Engine;

/// <summary>A journaled change this run made and has not undone yet.</summary>
internal sealed class ActiveChange(long entryId, string label, UndoRecord record, bool isFault)
{
    public long EntryId { get; } = entryId;

    public string Label { get; } = label;

    public UndoRecord Record { get; } = record;

    public bool IsFault { get; } = isFault;

    /// <summary>Serialises the timed undo and the restore phase so a change is undone once.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool Done { get; set; }
}
