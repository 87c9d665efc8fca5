using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Engine;
using DrillRunner.Docker.Namespaces;
using DrillRunner.Docker.Storage;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Network;

/// <summary>
/// Removes what DrillRunner left on an environment's containers and can tell by its tag, whichever run left it:
/// iptables rules whose comment starts with <c>drillrunner:ENV:</c>, root qdiscs in DrillRunner's handle range, delay
/// proxies carrying the environment's tag, and fill files of the environment. Runs under the environment's lock, after
/// the journaled undos, so whatever it finds is a leftover. A container on host networking is never touched (its
/// network is the host's); a stopped one has no namespace (its rules and tmpfs went with it).
/// </summary>
internal sealed class LeftoverSweeper(InstanceCatalog catalog, DockerEngine engine, NamespaceResolver namespaces, MountFiller filler, TimeProvider time)
{
    private readonly Iptables _iptables = new(time);
    private readonly TrafficControl _tc = new(time);
    private readonly DelayProxies _proxies = new(time);

    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        // Remote engines and unprivileged runners cannot have applied anything of this kind.
        if (!engine.IsLocal || !HostTools.IsRoot)
        {
            return [];
        }

        var prefix = NetworkTags.EnvironmentPrefix(catalog.Environment.Name);
        var removed = new List<string>();
        var networkTools = HostTools.WhyUnavailable() is null;
        foreach (var service in catalog.Environment.Services.Values)
        {
            foreach (var container in await catalog.ListServiceAsync(service, cancellationToken).ConfigureAwait(false))
            {
                if (container.State != "running")
                {
                    continue;
                }

                var id = InstanceCatalog.NameOf(container);
                if (await catalog.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { Container.State: { Running: true, Pid: > 0 } state } found)
                {
                    continue;
                }

                removed.AddRange(filler.Sweep(id, checked((int)state.Pid)));
                if (!networkTools || found.Container.HostConfig?.NetworkMode == "host")
                {
                    continue; // host networking: the host's own network, never swept
                }

                try
                {
                    if (await namespaces.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } ns)
                    {
                        removed.AddRange(await SweepNamespaceAsync(ns, prefix, cancellationToken).ConfigureAwait(false));
                    }
                }
                catch (DriverException) when (IsHostNamespace(found.Container))
                {
                    // Shares the host's namespace through another container: never swept.
                }
            }
        }

        var proxies = DelayProxies.Find(c => c.StartsWith(prefix, StringComparison.Ordinal));
        await _proxies.StopAsync(proxies, cancellationToken).ConfigureAwait(false);
        removed.AddRange(proxies.Select(p => $"stopped {p} ({p.Comment})"));
        return removed;
    }

    private static bool IsHostNamespace(ContainerInspectResponse container) =>
        container.State?.Pid is > 0 && new FileInfo($"/proc/{container.State.Pid}/ns/net").LinkTarget == new FileInfo("/proc/self/ns/net").LinkTarget;

    private async Task<IReadOnlyList<string>> SweepNamespaceAsync(ContainerNamespace ns, string prefix, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        var rules = await _iptables.ReadAsync(ns, c => c.StartsWith(prefix, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        await _iptables.DeleteAsync(ns, rules, cancellationToken).ConfigureAwait(false);
        removed.AddRange(rules.Select(r => $"{ns.InstanceId}: deleted iptables rule {r}"));
        foreach (var device in ns.Interfaces)
        {
            var root = await _tc.RootAsync(ns, device, cancellationToken).ConfigureAwait(false);
            if (NetworkTags.IsDrillRunnerHandle(root.Handle) && await _tc.DeleteAsync(ns, device, root.Handle, cancellationToken).ConfigureAwait(false))
            {
                removed.Add($"{ns.InstanceId}: deleted qdisc {root}");
            }
        }

        return removed;
    }
}
