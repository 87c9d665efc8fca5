using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// <see cref="IResourceLimits"/> for containers through the engine's update call; limits are read back from the
/// container's cgroup when the engine is on this host, else from the engine. Docker cannot set a memory limit back to
/// "none" on a live container (0 means "unchanged"): no limit is the kernel's unlimited value instead. A container
/// created with <c>--cpus</c> keeps that mechanism (its quota cannot be cleared either): no limit is then every CPU.
/// </summary>
internal sealed class ResourceLimiter(InstanceCatalog catalog, DockerEngine engine)
{
    private const long Period = 100_000;

    public async Task<ResourceLimits> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var host = container.HostConfig;
        double? cpus = host.NanoCPUs > 0 ? host.NanoCPUs / 1e9 : host.CPUQuota > 0 ? host.CPUQuota / (double)(host.CPUPeriod > 0 ? host.CPUPeriod : Period) : null;
        long? memory = host.Memory > 0 && host.Memory < CgroupLimits.UnlimitedMemory ? host.Memory : null;
        if (engine.IsLocal && container.State is { Running: true, Pid: > 0 } state)
        {
            var pid = checked((int)state.Pid);
            if (CgroupLimits.Cpu(pid) is { Known: true } cpu)
            {
                cpus = cpu.Cpus;
            }

            if (CgroupLimits.Memory(pid) is { Known: true } mem)
            {
                memory = mem.Bytes;
            }
        }

        return new ResourceLimits(cpus, memory);
    }

    public async Task SetCpuAsync(string instanceId, double? cpus, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var update = container.HostConfig.NanoCPUs > 0
            ? new ContainerUpdateParameters { NanoCPUs = (long)((cpus ?? Environment.ProcessorCount) * 1e9) }
            : new ContainerUpdateParameters { CPUPeriod = Period, CPUQuota = cpus is { } c ? (long)Math.Round(c * Period) : -1 };
        await UpdateAsync(container, update, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetMemoryAsync(string instanceId, long? bytes, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var limit = bytes ?? CgroupLimits.UnlimitedMemory;
        await UpdateAsync(container, new ContainerUpdateParameters { Memory = limit, MemorySwap = limit }, cancellationToken).ConfigureAwait(false);
    }

    private Task<ContainerUpdateResponse> UpdateAsync(ContainerInspectResponse container, ContainerUpdateParameters update, CancellationToken cancellationToken) =>
        engine.CallAsync(
            "update " + container.Name.TrimStart('/'),
            (c, ct) => c.Containers.UpdateContainerAsync(container.ID, update, ct),
            cancellationToken);
}
