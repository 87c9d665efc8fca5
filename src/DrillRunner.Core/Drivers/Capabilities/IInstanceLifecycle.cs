namespace DrillRunner.Drivers.Capabilities;

/// <summary>Starting, stopping, pausing and killing instances. Calls return once the change is requested.</summary>
[Capability("instance lifecycle (kill, crash, stop, start, pause, restart)")]
public interface IInstanceLifecycle : IDriverCapability
{
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
}
