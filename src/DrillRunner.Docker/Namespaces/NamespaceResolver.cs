using System.Globalization;
using System.Net;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Namespaces;

/// <summary>
/// Finds an instance's network namespace from the host, refusing anything that would act on the host itself: a
/// container on host networking shares the runner's namespace, and DrillRunner never changes the host's own network.
/// </summary>
internal sealed class NamespaceResolver(InstanceCatalog catalog, DockerEngine engine)
{
    /// <summary>The namespace of a running (or paused) instance, or null when it is not running (then it has none).</summary>
    public async Task<ContainerNamespace?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        RequireLocalEngine(instanceId);
        var found = await catalog.FindAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (found is not { Container: var container } || container.State is not { Running: true, Pid: > 0 } state)
        {
            return null;
        }

        var pid = checked((int)state.Pid);
        if (!File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cgroup").Contains(container.ID, StringComparison.Ordinal))
        {
            throw new DriverException($"{instanceId}: host pid {pid} is not in the container's cgroup (is the runner in another pid namespace than the engine?)");
        }

        var link = Link($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/ns/net");
        if (link == Link("/proc/self/ns/net") || container.HostConfig?.NetworkMode == "host")
        {
            throw new DriverException($"{instanceId} runs on host networking: its network is the host's, which DrillRunner never changes; give the environment a bridge network (docker.network: bridge)");
        }

        var addresses = (container.NetworkSettings?.Networks?.Values ?? [])
            .Select(n => IPAddress.TryParse(n.IPAddress, out var ip) ? ip : null)
            .OfType<IPAddress>()
            .ToList();
        return new ContainerNamespace(instanceId, pid, link, ProcNet.Interfaces(pid), addresses);
    }

    public async Task<ContainerNamespace> RequireAsync(string instanceId, CancellationToken cancellationToken) =>
        await FindAsync(instanceId, cancellationToken).ConfigureAwait(false)
        ?? throw new DriverException($"{instanceId} is not running, so it has no network to shape");

    private void RequireLocalEngine(string instanceId)
    {
        if (!engine.IsLocal)
        {
            throw new DriverException($"network and storage faults on {instanceId} need the Docker engine on this machine (a unix socket), not {engine.Endpoint}");
        }
    }

    private static string Link(string path) =>
        new FileInfo(path).LinkTarget ?? throw new DriverException($"cannot read {path}");
}
