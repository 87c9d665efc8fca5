using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Drivers;

/// <summary>
/// Drives one environment's services (processes or containers): brings them up and down and reads their
/// instances. Everything else a driver can do is a capability (<see cref="IInstanceLifecycle"/>,
/// <see cref="IServiceScaling"/>, ...) found with <see cref="FindCapability"/>; steps declare the capabilities they
/// need, so a driver can offer more without touching this interface. Instance ids are stable names (e.g.
/// <c>demo-shop-app-1</c>) that survive a recreate, so a journal can refer to them after a crash.
/// </summary>
public interface IEnvironmentDriver : IAsyncDisposable
{
    /// <summary>The driver's name as written in environment files, e.g. <c>local</c> or <c>docker</c>.</summary>
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

    /// <summary>
    /// The object implementing <paramref name="capability"/> (an <see cref="IDriverCapability"/> interface), or null
    /// when this driver cannot do it. By default the driver itself, when it implements the interface.
    /// </summary>
    object? FindCapability(Type capability) => capability is not null && capability.IsInstanceOfType(this) ? this : null;

    /// <summary>The capability, or null when this driver cannot do it.</summary>
    TCapability? Find<TCapability>()
        where TCapability : class, IDriverCapability => FindCapability(typeof(TCapability)) as TCapability;
}
