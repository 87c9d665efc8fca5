using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;
using DrillRunner.Testing.Namespaces;
using Xunit.Abstractions;

namespace DrillRunner.Docker.Tests.Faults;

/// <summary>
/// What a dead run left (its journal lost): the sweep finds it by its tags and removes exactly it, leaving rules that
/// are not DrillRunner's, or another environment's, alone.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class LeftoverSweepTests(DemoShopImage image, ITestOutputHelper output)
{
    [NamespaceFact]
    public async Task A_sweep_removes_every_tagged_rule_qdisc_proxy_and_fill_file_of_its_environment_and_nothing_else()
    {
        await using var shop = BridgeShop.Create(image.Reference, apps: 2);
        await shop.UpAsync();
        var shaping = shop.Driver.Require<INetworkShaping>();
        await shaping.ApplyAsync(shop.InstanceId(1), new NetworkShape { Tag = "dead-run-1", Kind = NetworkShapeKind.Delay, Delay = TimeSpan.FromMilliseconds(50) }, default);
        await shaping.ApplyAsync(shop.InstanceId(1), new NetworkShape { Tag = "dead-run-2", Kind = NetworkShapeKind.Loss, Loss = 0.01 }, default);
        await shaping.ApplyAsync(shop.InstanceId(2), new NetworkShape { Tag = "dead-run-3", Kind = NetworkShapeKind.Bandwidth, RateBitsPerSecond = 100_000_000 }, default);
        await shop.Driver.Require<IMountFilling>().FillAsync(shop.InstanceId(2), BridgeShop.Scratch, "dead-run-4", 1 << 20, default);
        var pid1 = await shop.PidAsync(1);
        var pid2 = await shop.PidAsync(2);
        await NamespaceProbe.RunAsync(pid1, "iptables", "-A", "INPUT", "-p", "udp", "--dport", "9", "-m", "comment", "--comment", "someone-else", "-j", "DROP");
        await NamespaceProbe.RunAsync(pid1, "iptables", "-A", "INPUT", "-p", "udp", "--dport", "9", "-m", "comment", "--comment", "drillrunner:another-environment:x", "-j", "DROP");

        var removed = await shop.Driver.Require<ILeftoverSweep>().SweepAsync(default);

        output.WriteLine(string.Join('\n', removed));
        var left = await NamespaceProbe.RunAsync(pid1, "iptables-save");
        Assert.Contains("someone-else", left, StringComparison.Ordinal);
        Assert.Contains("drillrunner:another-environment:x", left, StringComparison.Ordinal);
        Assert.DoesNotContain($"drillrunner:{shop.Spec.Name}:", left, StringComparison.Ordinal);
        Assert.Empty(await NamespaceProbe.DrillRunnerRulesAsync(pid2));
        Assert.StartsWith("qdisc noqueue 0:", await NamespaceProbe.RootQdiscAsync(pid2), StringComparison.Ordinal);
        Assert.Empty(NamespaceProbe.DelayProxies(shop.Spec.Name));
        Assert.Empty(NamespaceProbe.FilesIn(pid2, BridgeShop.Scratch));
        Assert.Equal(6, removed.Count); // REDIRECT, two loss rules (in and out), qdisc, proxy, fill file
        Assert.Empty(await shop.Driver.Require<ILeftoverSweep>().SweepAsync(default));
    }
}
