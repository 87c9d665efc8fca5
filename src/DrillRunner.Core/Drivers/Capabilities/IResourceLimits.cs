namespace DrillRunner.Drivers.Capabilities;

/// <summary>Reading and changing an instance's CPU and memory limits (container quota, cgroup).</summary>
[Capability("resource limits (CPU quota, memory limit)")]
public interface IResourceLimits : IDriverCapability
{
    /// <summary>The limits in effect, read from the instance's own accounting (cgroup, engine).</summary>
    Task<ResourceLimits> ReadLimitsAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Limits the instance to <paramref name="cpus"/> CPUs (0.5: half of one); null removes the limit.</summary>
    Task SetCpuLimitAsync(string instanceId, double? cpus, CancellationToken cancellationToken);

    /// <summary>Limits the instance's memory to <paramref name="bytes"/>; null removes the limit.</summary>
    Task SetMemoryLimitAsync(string instanceId, long? bytes, CancellationToken cancellationToken);
}

/// <summary>An instance's limits; null means none.</summary>
public sealed record ResourceLimits(double? Cpus, long? MemoryBytes);
