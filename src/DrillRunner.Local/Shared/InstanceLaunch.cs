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

    /// <summary>The user the process runs as (the supervisor switches to it with setpriv); null: the supervisor's own.</summary>
    public string? User { get; init; }

    /// <summary>The primary group of <see cref="User"/>.</summary>
    public int? GroupId { get; init; }

    /// <summary>The instance's data folder (<c>{data}</c>), created for <see cref="User"/> before the first start; null: none.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The folder the service's instances share (<c>{shared}</c>), created for <see cref="User"/>; null: none.</summary>
    public string? SharedDirectory { get; init; }
}
