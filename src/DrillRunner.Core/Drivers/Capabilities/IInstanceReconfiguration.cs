namespace DrillRunner.Drivers.Capabilities;

/// <summary>Changing the settings (environment variables) an instance runs with.</summary>
[Capability("reconfiguring instances (restart or recreate with changed settings)")]
public interface IInstanceReconfiguration : IDriverCapability
{
    /// <summary>
    /// Restarts (local) or recreates (docker) the instance with its settings changed: a value replaces
    /// the setting, <c>null</c> removes it. Name, labels, ports and mounts are kept.
    /// </summary>
    Task ReconfigureAsync(string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken);
}
