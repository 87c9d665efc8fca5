using System.Net.Http.Headers;
using System.Net.Http.Json;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Steps.Limits;
using DrillRunner.Testing;
using DrillRunner.Testing.Namespaces;
using DrillRunner.Units;
using Xunit.Abstractions;

namespace DrillRunner.Docker.Tests.Faults;

/// <summary>cpu-limit and memory-limit on real containers, measured by the kernel's own accounting, gone after the undo.</summary>
[Collection(DockerCollection.Name)]
public sealed class ResourceFaultTests(DemoShopImage image, ITestOutputHelper output)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [DockerFact]
    public async Task A_cpu_limit_holds_the_instance_to_its_share_of_a_cpu_and_is_gone_after_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference, appSettings: new Dictionary<string, string> { ["Shop__CpuWorkMilliseconds"] = "20" });
        await shop.UpAsync();
        var pid = await shop.PidAsync(1);
        var before = await CpusUnderLoadAsync(shop, pid);

        var (record, detail) = await shop.InjectAsync(new CpuLimitOptions { Kind = "cpu-limit", Service = BridgeShop.App, AllowTotalOutage = true, Cpus = 0.1 });
        var quota = CgroupProbe.CpuQuota(pid);
        var during = await CpusUnderLoadAsync(shop, pid);
        await shop.UndoAsync(record);
        var after = await CpusUnderLoadAsync(shop, pid);

        output.WriteLine($"CPUs used under load: before {before:0.000}, during {during:0.000} (quota {quota}), after {after:0.000}; {detail}");
        Assert.Equal(0.1, quota);
        Assert.InRange(during, 0.09, 0.11);
        // The machine is shared: unlimited, the load gets what is free, which must at least be clearly more.
        Assert.True(before > 0.15 && after > 0.15, $"without the limit the load uses more than the limit ({before:0.00}, {after:0.00})");
        Assert.Null(CgroupProbe.CpuQuota(pid));
    }

    [DockerFact]
    public async Task A_memory_limit_is_hit_by_an_instance_that_needs_more_and_is_gone_after_the_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference);
        await shop.UpAsync();
        var pid = await shop.PidAsync(1);

        var (record, detail) = await shop.InjectAsync(new MemoryLimitOptions { Kind = "memory-limit", Service = BridgeShop.App, AllowTotalOutage = true, Limit = new ByteSize(128L << 20) });
        var limit = CgroupProbe.MemoryLimit(pid);
        // A cache sized for a bigger machine: the instance needs more than its limit and the kernel kills it.
        using (var chaos = new HttpClient())
        {
            chaos.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BridgeShop.ChaosToken);
            try
            {
                using var _ = await chaos.PutAsJsonAsync(shop.Url(1, "/_chaos/settings"), new { settings = new Dictionary<string, string> { ["Shop:CacheMegabytes"] = "256" }, leaseSeconds = 60 });
            }
            catch (HttpRequestException)
            {
                // The instance may die before it answers.
            }
        }

        var killed = await WaitAsync(async () => (await shop.Client.Containers.InspectContainerAsync(shop.InstanceId(1))).State is { Running: false, OOMKilled: true });
        await shop.UndoAsync(record);
        await shop.Client.Containers.StartContainerAsync(shop.InstanceId(1), new());
        var restarted = await shop.PidAsync(1);

        output.WriteLine($"limit {limit}; OOM-killed: {killed}; {detail}");
        Assert.Equal(128L << 20, limit);
        Assert.True(killed, "the instance was not OOM-killed under its memory limit");
        Assert.Null(CgroupProbe.MemoryLimit(restarted));
        Assert.Null((await shop.Driver.Require<IResourceLimits>().ReadLimitsAsync(shop.InstanceId(1), default)).MemoryBytes);
    }

    // Six clients keep CPU-bound requests coming; the kernel's count of the cgroup's CPU time over the window says how
    // much of a CPU the instance got.
    private static async Task<double> CpusUnderLoadAsync(BridgeShop shop, int pid)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var stop = new CancellationTokenSource(Window + TimeSpan.FromSeconds(1), TimeProvider.System);
        var url = shop.Url(1, "/products");
        var clients = Enumerable.Range(0, 6).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.GetAsync(url, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        var used = CgroupProbe.CpuUsed(pid);
        var started = TimeProvider.System.GetTimestamp();
        await Task.Delay(Window - TimeSpan.FromMilliseconds(500), TimeProvider.System);
        var cpus = (CgroupProbe.CpuUsed(pid) - used) / TimeProvider.System.GetElapsedTime(started);
        await Task.WhenAll(clients);
        return cpus;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        return false;
    }
}
