namespace DrillRunner.Journal;

public enum RunStatus
{
    /// <summary>Accepted and waiting for its environment or a worker; not started.</summary>
    Queued,
    /// <summary>In progress (or the runner died; crash recovery finishes it).</summary>
    Running,
    Completed,
    Aborted,
    NotStarted,
    /// <summary>The runner died mid-run; a later start restored what it had changed.</summary>
    Interrupted,
    /// <summary>Something the run changed could not be undone and verified: the worst outcome.</summary>
    RestoreFailed,
    /// <summary>The engine hit an unexpected error; the restore still ran.</summary>
    Errored,
    /// <summary>The restore failed and a human gave up on retrying it (with a reason, audited); staging was fixed by hand or written off.</summary>
    GivenUp,
}
