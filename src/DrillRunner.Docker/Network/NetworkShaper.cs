using System.Globalization;
using System.Net;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Namespaces;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Network;

/// <summary>
/// <see cref="INetworkShaping"/> for containers, from the host, in each container's network namespace: loss and
/// partitions as iptables rules, bandwidth as a tbf qdisc, delay as a proxy in the namespace that incoming connections
/// are redirected to. Everything carries the shape's tag; apply reads it back, remove deletes exactly it.
/// </summary>
internal sealed class NetworkShaper(InstanceCatalog catalog, NamespaceResolver namespaces, TimeProvider time)
{
    private readonly Iptables _iptables = new(time);
    private readonly TrafficControl _tc = new(time);
    private readonly DelayProxies _proxies = new(time);

    public async Task<string> ApplyAsync(string instanceId, NetworkShape shape, CancellationToken cancellationToken)
    {
        HostTools.Require();
        var comment = NetworkTags.Comment(catalog.Environment.Name, shape.Tag);
        var ns = await namespaces.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        try
        {
            var applied = shape.Kind switch
            {
                NetworkShapeKind.Loss => await AddRulesAsync(ns, ShapeRules.Loss(shape, comment), cancellationToken).ConfigureAwait(false),
                NetworkShapeKind.Partition => await AddRulesAsync(ns, ShapeRules.Partition(shape, await PeersAsync(shape, cancellationToken).ConfigureAwait(false), comment), cancellationToken).ConfigureAwait(false),
                NetworkShapeKind.Bandwidth => await LimitAsync(ns, shape, cancellationToken).ConfigureAwait(false),
                _ => await DelayAsync(ns, shape, comment, cancellationToken).ConfigureAwait(false),
            };
            var state = await ReadStateAsync(ns, shape.Tag, comment, cancellationToken).ConfigureAwait(false);
            if (!state.Covers(shape, applied))
            {
                throw new DriverException($"{instanceId}: the {shape.Kind.ToString().ToLowerInvariant()} did not read back as applied (found: {state})");
            }

            return $"{instanceId}: {state}";
        }
        catch (Exception ex) when (ex is DriverException or OperationCanceledException or IOException)
        {
            await RemoveAsync(instanceId, shape.Tag, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> ReadAsync(string instanceId, string tag, CancellationToken cancellationToken)
    {
        var comment = NetworkTags.Comment(catalog.Environment.Name, tag);
        var ns = HostTools.WhyUnavailable() is null ? await namespaces.FindAsync(instanceId, cancellationToken).ConfigureAwait(false) : null;
        return ns is null
            ? [.. DelayProxies.Find(c => c == comment).Select(p => p.ToString())]
            : (await ReadStateAsync(ns, tag, comment, cancellationToken).ConfigureAwait(false)).Lines;
    }

    /// <summary>
    /// Rules first (new connections go straight to the instance again), then qdiscs, then the proxies, wherever they
    /// run (a container restarted since has a new namespace, and its old proxy is found by the tag alone).
    /// </summary>
    public async Task<string> RemoveAsync(string instanceId, string tag, CancellationToken cancellationToken)
    {
        var comment = NetworkTags.Comment(catalog.Environment.Name, tag);
        var removed = new List<string>();
        if (HostTools.WhyUnavailable() is null && await namespaces.FindAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } ns)
        {
            var state = await ReadStateAsync(ns, tag, comment, cancellationToken).ConfigureAwait(false);
            await _iptables.DeleteAsync(ns, state.Rules, cancellationToken).ConfigureAwait(false);
            removed.AddRange(state.Rules.Select(r => $"rule {r.Table} {r.Chain}"));
            foreach (var qdisc in state.Qdiscs)
            {
                if (await _tc.DeleteAsync(ns, qdisc.Device, qdisc.Handle, cancellationToken).ConfigureAwait(false))
                {
                    removed.Add($"qdisc {qdisc}");
                }
            }
        }

        var proxies = DelayProxies.Find(c => c == comment);
        await _proxies.StopAsync(proxies, cancellationToken).ConfigureAwait(false);
        removed.AddRange(proxies.Select(p => $"stopped {p}"));

        var left = await ReadAsync(instanceId, tag, cancellationToken).ConfigureAwait(false);
        if (left.Count > 0)
        {
            throw new DriverException($"{instanceId}: still shaped after the undo: {string.Join("; ", left)}");
        }

        return removed.Count == 0 ? $"{instanceId}: nothing left to remove" : $"{instanceId}: removed {string.Join(", ", removed)}";
    }

    private async Task<int> AddRulesAsync(ContainerNamespace ns, IReadOnlyList<IptablesRule> rules, CancellationToken cancellationToken)
    {
        await _iptables.AddAsync(ns, rules, cancellationToken).ConfigureAwait(false);
        return rules.Count;
    }

    private async Task<int> LimitAsync(ContainerNamespace ns, NetworkShape shape, CancellationToken cancellationToken)
    {
        if (ns.Interfaces.Count == 0)
        {
            throw new DriverException($"{ns.InstanceId} has no network interface besides the loopback");
        }

        foreach (var device in ns.Interfaces)
        {
            await _tc.AddTbfAsync(ns, device, NetworkTags.QdiscHandle(shape.Tag), shape.RateBitsPerSecond, cancellationToken).ConfigureAwait(false);
        }

        return ns.Interfaces.Count;
    }

    private async Task<int> DelayAsync(ContainerNamespace ns, NetworkShape shape, string comment, CancellationToken cancellationToken)
    {
        var prefix = NetworkTags.EnvironmentPrefix(catalog.Environment.Name);
        var redirects = (await _iptables.ReadAsync(ns, c => c.StartsWith(prefix, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false))
            .Where(r => r.Spec.Contains("REDIRECT", StringComparison.Ordinal)).ToList();
        if (redirects.Count > 0)
        {
            throw new DriverException($"{ns.InstanceId} is already delayed by DrillRunner ({redirects[0].Comment}); one delay at a time");
        }

        var port = FreePort(ns);
        await _proxies.StartAsync(ns, comment, port, shape.Delay, shape.Jitter, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<IptablesRule> rules = [ShapeRules.Redirect(shape.Port, port, comment), .. shape.Loss > 0 ? ShapeRules.Loss(shape, comment) : []];
        await _iptables.AddAsync(ns, rules, cancellationToken).ConfigureAwait(false);

        // Connections opened before the redirect (a load balancer's pool) would stay fast: reset them, so they
        // reconnect through the proxy as every new one does.
        foreach (var listening in ns.ListeningPorts().Where(p => p != port && (shape.Port is null || p == shape.Port)))
        {
            await ns.RunAsync("ss", ["-K", "-t", "-n", "state", "established", $"( sport = :{listening.ToString(CultureInfo.InvariantCulture)} )"], time, cancellationToken).ConfigureAwait(false);
        }

        return rules.Count;
    }

    private async Task<IReadOnlyList<IPAddress>> PeersAsync(NetworkShape shape, CancellationToken cancellationToken)
    {
        var addresses = new List<IPAddress>();
        foreach (var peer in shape.Peers)
        {
            var found = await catalog.FindAsync(peer, cancellationToken).ConfigureAwait(false);
            var ips = (found?.Container.NetworkSettings?.Networks?.Values ?? [])
                .Select(n => IPAddress.TryParse(n.IPAddress, out var ip) ? ip : null).OfType<IPAddress>().ToList();
            if (ips.Count == 0)
            {
                throw new DriverException($"peer {peer} has no address on a container network (is it running, on the environment's bridge?)");
            }

            addresses.AddRange(ips);
        }

        return addresses;
    }

    private async Task<ShapeState> ReadStateAsync(ContainerNamespace ns, string tag, string comment, CancellationToken cancellationToken)
    {
        var rules = await _iptables.ReadAsync(ns, c => c == comment, cancellationToken).ConfigureAwait(false);
        var handle = NetworkTags.QdiscHandle(tag);
        var qdiscs = new List<RootQdisc>();
        foreach (var device in ns.Interfaces)
        {
            var root = await _tc.RootAsync(ns, device, cancellationToken).ConfigureAwait(false);
            if (root.Handle == handle)
            {
                qdiscs.Add(root);
            }
        }

        var proxies = DelayProxies.Find(c => c == comment);
        return new ShapeState(rules, qdiscs, proxies.Where(p => ns.Listens(p.Port)).ToList());
    }

    private static int FreePort(ContainerNamespace ns)
    {
        var used = ProcNet.Listening(ns.Pid).Select(l => l.Port).ToHashSet();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(40_000, 60_000);
            if (!used.Contains(port))
            {
                return port;
            }
        }

        throw new DriverException($"{ns.InstanceId}: no free port for the delay proxy");
    }
}
