namespace DrillRunner.Local.Shared;

/// <summary>What the supervisor believes of an instance; the driver checks the OS for the truth.</summary>
internal enum InstancePhase
{
    Starting,
    Running,

    /// <summary>Stopped on request (stop, kill): not restarted by policy.</summary>
    Stopped,

    /// <summary>Died unexpectedly and no restart policy applies.</summary>
    Exited,

    /// <summary>Died unexpectedly; the restart policy will start it again.</summary>
    Restarting,
}
