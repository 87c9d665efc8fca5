namespace DrillRunner.Drivers;

/// <summary>
/// Drives one environment's services (processes or containers). Every mutating call returns once
/// the change is requested; callers verify with <see cref="GetInstanceAsync"/>. Instance ids are
/// stable names (e.g. <c>demo-shop-app-1</c>) that survive a recreate, so a journal can refer to them
/// after a crash.
/// </summary>
public interface IEnvironmentDriver : IAsyncDisposable
{
    /// <summary>The driver's name as written in environment files: <c>local</c> or <c>docker</c>.</summary>
    string Name { get; }

    /// <summary>Whether the driver can reach what it drives (engine socket, supervisor). Never throws.</summary>
    Task<DriverAvailability> CheckAsync(CancellationToken cancellationToken);

    /// <summary>Creates and starts every service of the environment; idempotent.</summary>
    Task UpAsync(IProgress<string> progress, CancellationToken cancellationToken);

    /// <summary>Stops and removes everything <see cref="UpAsync"/> created; idempotent.</summary>
    Task DownAsync(IProgress<string> progress, CancellationToken cancellationToken);

    Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(string service, CancellationToken cancellationToken);

    /// <summary>Current state of one instance; <see cref="InstanceState.Missing"/> when it does not exist.</summary>
    Task<InstanceInfo> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Node loss the process manager knows about: it will not restart the instance by policy.</summary>
    Task KillAsync(string instanceId, string signal, CancellationToken cancellationToken);

    /// <summary>Node loss the process manager does not expect: the main process dies, restart policy applies.</summary>
    Task CrashAsync(string instanceId, CancellationToken cancellationToken);

    Task StopAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Starts a stopped, exited or killed instance with its current configuration.</summary>
    Task StartAsync(string instanceId, CancellationToken cancellationToken);

    Task PauseAsync(string instanceId, CancellationToken cancellationToken);

    Task UnpauseAsync(string instanceId, CancellationToken cancellationToken);

    Task RestartAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Restarts (local) or recreates (docker) the instance with its settings changed: a value replaces
    /// the setting, <c>null</c> removes it. Name, labels, ports and mounts are kept.
    /// </summary>
    Task ReconfigureAsync(string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken);

    /// <summary>Adds or removes instances of a service so that it has <paramref name="replicas"/>.</summary>
    Task ScaleAsync(string service, int replicas, CancellationToken cancellationToken);
}
