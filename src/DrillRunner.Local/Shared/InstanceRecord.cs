namespace DrillRunner.Local.Shared;

/// <summary>One instance as written to the state file and returned by the control API.</summary>
internal sealed record InstanceRecord
{
    public required InstanceLaunch Launch { get; init; }

    public InstancePhase Phase { get; init; }

    public int? Pid { get; init; }

    /// <summary>Start time of <see cref="Pid"/> in clock ticks since boot, so a reused pid is never mistaken for it.</summary>
    public long? PidStartTicks { get; init; }

    public int? ExitCode { get; init; }

    public int Restarts { get; init; }

    public required string LogPath { get; init; }
}
