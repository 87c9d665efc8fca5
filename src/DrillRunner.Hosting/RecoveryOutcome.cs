namespace DrillRunner.Hosting;

/// <summary>What a recovery of one run did.</summary>
public enum RecoveryOutcome
{
    /// <summary>The run was not (or no longer) left running or restore-failed.</summary>
    NothingToDo,

    /// <summary>Everything it changed is reverted; the run is marked Interrupted.</summary>
    Restored,

    /// <summary>Its restore failed again (or could not be attempted); the run stays RestoreFailed.</summary>
    StillFailing,

    /// <summary>Its environment is locked by a live process: the run may still be live there, so it was not touched.</summary>
    LeftAlone,
}
