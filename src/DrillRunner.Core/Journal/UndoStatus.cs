namespace DrillRunner.Journal;

public enum UndoStatus
{
    /// <summary>Written before the change; the change may or may not have happened.</summary>
    Pending,
    /// <summary>The change is in effect.</summary>
    Active,
    Reverted,
    Failed,

    /// <summary>The undo failed and a human gave up on it (<c>drill recover --give-up</c>, audited): no longer retried.</summary>
    GivenUp,
}
