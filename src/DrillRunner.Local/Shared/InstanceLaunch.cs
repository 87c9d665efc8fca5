namespace DrillRunner.Local.Shared;

/// <summary>
/// Everything the supervisor needs to run one instance, resolved by the driver so the supervisor
/// does not depend on the environment model. Compiled into both the driver and the supervisor.
/// </summary>
internal sealed record InstanceLaunch
{
    public required string Id { get; init; }

    public required string Service { get; init; }

    public required int Index { get; init; }

    public int Port { get; init; }

    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public required string WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Null: the instance is not restarted when it dies unexpectedly.</summary>
    public TimeSpan? RestartAfter { get; init; }

    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    public string? HealthPath { get; init; }
}
