namespace DrillRunner.Local.Shared;

/// <summary>The supervisor's state file: how to reach it and what it runs.</summary>
internal sealed record SupervisorState
{
    public required int SupervisorPid { get; init; }

    public long? SupervisorStartTicks { get; init; }

    public required int ControlPort { get; init; }

    /// <summary>The secret of the control API (see <see cref="ControlToken"/>); the state file is readable by its owner only.</summary>
    public string? ControlToken { get; init; }

    public IReadOnlyList<InstanceRecord> Instances { get; init; } = [];
}
