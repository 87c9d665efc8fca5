namespace DrillRunner.Journal;

public enum UndoStatus
{
    /// <summary>Written before the change; the change may or may not have happened.</summary>
    Pending,
    /// <summary>The change is in effect.</summary>
    Active,
    Reverted,
    Failed,
}
