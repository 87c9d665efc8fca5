using System.Text.Json;
using DrillRunner.Docker.Faults.NetworkBandwidth;
using DrillRunner.Docker.Faults.NetworkDelay;
using DrillRunner.Docker.Faults.NetworkLoss;
using DrillRunner.Docker.Faults.NetworkPartition;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;
using DrillRunner.Testing.Namespaces;
using DrillRunner.Units;
using Xunit.Abstractions;

namespace DrillRunner.Docker.Tests.Faults;

/// <summary>
/// Each network fault on a real container on a bridge network, measured through the path a client takes (a port
/// published on 127.0.0.1) before, during and after, and read back from the namespace with the host's own tools.
/// This kernel has no netem: delay is a proxy in the namespace, loss and partitions iptables, bandwidth tbf.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class NetworkFaultTests(DemoShopImage image, ITestOutputHelper output)
{
    [NamespaceFact]
    public async Task Delay_adds_its_time_to_every_answer_and_is_gone_after_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference);
        await shop.UpAsync();
        var url = shop.Url(1, "/health");
        var before = await Measure.MedianLatencyAsync(url);

        var (record, detail) = await shop.InjectAsync(new NetworkDelayOptions { Kind = "network-delay", Service = BridgeShop.App, AllowTotalOutage = true, Delay = TimeSpan.FromMilliseconds(200) });
        var during = await Measure.MedianLatencyAsync(url);
        var pid = await shop.PidAsync(1);
        var rules = await NamespaceProbe.DrillRunnerRulesAsync(pid);
        var proxies = NamespaceProbe.DelayProxies(shop.Spec.Name);
        await shop.UndoAsync(record);
        var after = await Measure.MedianLatencyAsync(url);

        output.WriteLine($"before {before.TotalMilliseconds:0.0} ms, during {during.TotalMilliseconds:0.0} ms, after {after.TotalMilliseconds:0.0} ms; {detail}");
        // The delay is held before forwarding, so it is a floor; above it is the proxy's extra hop, which on the shared
        // 2-core CI machine under load measured up to +23 ms (223 ms for 200).
        Assert.InRange((during - before).TotalMilliseconds, 180, 250);
        Assert.Contains(rules, r => r.Contains("-j REDIRECT", StringComparison.Ordinal));
        Assert.Single(proxies);
        Assert.True(after < before + TimeSpan.FromMilliseconds(20), $"after the undo {after.TotalMilliseconds} ms (before {before.TotalMilliseconds} ms)");
        Assert.Empty(await NamespaceProbe.DrillRunnerRulesAsync(pid));
        Assert.Empty(NamespaceProbe.DelayProxies(shop.Spec.Name));
    }

    [NamespaceFact]
    public async Task Loss_drops_its_share_of_the_packets_the_instance_receives_and_is_gone_after_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference);
        await shop.UpAsync();
        var port = shop.Port(1);
        var before = await Measure.UnansweredShareAsync(port, attempts: 100);

        var (record, _) = await shop.InjectAsync(new NetworkLossOptions { Kind = "network-loss", Service = BridgeShop.App, AllowTotalOutage = true, Loss = new Percentage(0.2) });
        // 1000 fresh connections: one standard deviation of the share is 1.3 points, the 5-point bound almost 4 of them.
        var during = await Measure.UnansweredShareAsync(port, attempts: 1000);
        await shop.UndoAsync(record);
        var after = await Measure.UnansweredShareAsync(port, attempts: 100);

        output.WriteLine($"unanswered within 900 ms: before {before:P1}, during {during:P1}, after {after:P1}");
        // On a loaded shared machine an odd request is slow without any fault: the baseline may be a point or two.
        Assert.InRange(before, 0, 0.02);
        Assert.InRange(during - before, 0.15, 0.25);
        Assert.InRange(after, 0, 0.02);
        Assert.Empty(await NamespaceProbe.DrillRunnerRulesAsync(await shop.PidAsync(1)));
    }

    [NamespaceFact]
    public async Task Bandwidth_limits_what_the_instance_sends_to_its_rate_and_is_gone_after_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference);
        await shop.UpAsync();
        var url = shop.Url(1, "/");
        const long Bytes = 4_000_000;
        var before = await Measure.DownloadRateAsync(url, Bytes);

        var (record, _) = await shop.InjectAsync(new NetworkBandwidthOptions { Kind = "network-bandwidth", Service = BridgeShop.App, AllowTotalOutage = true, Rate = new Bandwidth(8_000_000) });
        var pid = await shop.PidAsync(1);
        var qdisc = await NamespaceProbe.RootQdiscAsync(pid);
        var during = await Measure.DownloadRateAsync(url, Bytes);
        await shop.UndoAsync(record);
        var after = await Measure.DownloadRateAsync(url, Bytes);

        output.WriteLine($"download: before {before / 1e6:0.00} MB/s, during {during / 1e6:0.000} MB/s ({qdisc}), after {after / 1e6:0.00} MB/s");
        Assert.StartsWith("qdisc tbf d7", qdisc, StringComparison.Ordinal);
        Assert.InRange(during, 0.9e6, 1.1e6);
        Assert.True(before > 5e6 && after > 5e6, $"unshaped downloads should be far above 1 MB/s: {before} and {after}");
        Assert.StartsWith("qdisc noqueue 0:", await NamespaceProbe.RootQdiscAsync(pid), StringComparison.Ordinal);
    }

    [NamespaceFact]
    public async Task A_partition_from_a_peer_makes_the_instance_unreachable_to_that_peer_only_until_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference, apps: 2, lb: true);
        await shop.UpAsync();
        var app1 = (await shop.Client.Containers.InspectContainerAsync(shop.InstanceId(1))).NetworkSettings.Networks.Values.Single().IPAddress;
        await WaitForLbAsync(shop, app1, healthy: true);

        var (record, detail) = await shop.InjectAsync(new NetworkPartitionOptions { Kind = "network-partition", Service = BridgeShop.App, Peer = BridgeShop.Lb }, shop.Context(seed: 3));
        Assert.Contains(shop.InstanceId(1), record.Target, StringComparison.Ordinal);
        var cutOff = await WaitForLbAsync(shop, app1, healthy: false);
        var direct = await Measure.AnsweredAsync(shop.Port(1), TimeSpan.FromSeconds(2));
        await shop.UndoAsync(record);
        var back = await WaitForLbAsync(shop, app1, healthy: true);

        output.WriteLine($"{detail}; lb saw {app1} down after {cutOff.TotalSeconds:0.0} s, up again {back.TotalSeconds:0.0} s after the undo");
        Assert.True(direct, "the host still reaches the partitioned instance: only its peer is cut off");
        Assert.Empty(await NamespaceProbe.DrillRunnerRulesAsync(await shop.PidAsync(1)));
    }

    [NamespaceFact]
    public async Task A_partition_of_a_port_drops_its_connections_until_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference);
        await shop.UpAsync();
        var port = shop.Port(1);

        var (record, _) = await shop.InjectAsync(new NetworkPartitionOptions { Kind = "network-partition", Service = BridgeShop.App, Port = port, AllowTotalOutage = true });
        var during = await Measure.AnsweredAsync(port, TimeSpan.FromSeconds(2));
        await shop.UndoAsync(record);
        var after = await Measure.AnsweredAsync(port, TimeSpan.FromSeconds(2));

        Assert.False(during);
        Assert.True(after);
    }

    [NamespaceFact]
    public async Task A_container_on_host_networking_is_never_shaped_because_its_network_is_the_hosts()
    {
        await using var shop = BridgeShop.Create(image.Reference, network: "host");
        await shop.UpAsync();
        var hostRules = await NamespaceProbe.HostRulesAsync();
        var shaping = shop.Driver.Require<INetworkShaping>();

        var error = await Assert.ThrowsAsync<DriverException>(() => shaping.ApplyAsync(
            shop.InstanceId(1), new NetworkShape { Tag = "t1", Kind = NetworkShapeKind.Loss, Loss = 1 }, CancellationToken.None));

        Assert.Contains("host networking", error.Message, StringComparison.Ordinal);
        Assert.Equal(Without(hostRules), Without(await NamespaceProbe.HostRulesAsync()));
        Assert.Contains("host networking", new DockerDriverFactory().WhyNot(typeof(INetworkShaping), shop.Spec), StringComparison.Ordinal);
    }

    // iptables-save prints its time and packet counters; the rules are what matters.
    private static string Without(string saved) =>
        string.Join('\n', saved.Split('\n').Where(l => !l.StartsWith('#')).Select(l => l.Split(" [", 2)[0]));

    private static async Task<TimeSpan> WaitForLbAsync(BridgeShop shop, string address, bool healthy)
    {
        using var http = new HttpClient();
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
        {
            var backends = JsonDocument.Parse(await http.GetStringAsync(shop.Url(1, "/lb/backends", BridgeShop.Lb))).RootElement.EnumerateArray()
                .Where(b => b.GetProperty("url").GetString()!.Contains($"//{address}:", StringComparison.Ordinal)).ToList();
            if (backends.Count > 0 && backends.Any(b => b.GetProperty("healthy").GetBoolean()) == healthy)
            {
                return TimeProvider.System.GetElapsedTime(started);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException($"the load balancer never saw {address} {(healthy ? "healthy" : "unhealthy")}");
    }
}
