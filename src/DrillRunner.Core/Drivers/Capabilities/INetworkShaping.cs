namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Degrades an instance's network from outside the instance: delay, loss, bandwidth, partitions. Everything a shape
/// changes carries its tag, so it can be read back, removed alone and swept; nothing untagged is ever touched.
/// </summary>
[Capability("network shaping (delay, loss, bandwidth and partitions in an instance's network namespace)")]
public interface INetworkShaping : IDriverCapability
{
    /// <summary>
    /// Applies the shape and verifies it is in effect; returns what was applied. On failure it removes what it applied
    /// of the shape before throwing.
    /// </summary>
    Task<string> ApplyAsync(string instanceId, NetworkShape shape, CancellationToken cancellationToken);

    /// <summary>What of the tag is in effect on the instance, read back from the instance itself; empty when nothing is.</summary>
    Task<IReadOnlyList<string>> ReadAsync(string instanceId, string tag, CancellationToken cancellationToken);

    /// <summary>Removes everything carrying the tag from the instance; idempotent; returns what was removed.</summary>
    Task<string> RemoveAsync(string instanceId, string tag, CancellationToken cancellationToken);
}
