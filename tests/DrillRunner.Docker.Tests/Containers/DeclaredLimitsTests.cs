using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Steps.Limits;
using DrillRunner.Testing;
using DrillRunner.Testing.Namespaces;
using DrillRunner.Units;

namespace DrillRunner.Docker.Tests.Containers;

/// <summary>
/// A service's declared <c>limits:</c> are in effect on the containers <c>env up</c> creates (the engine's HostConfig
/// and the kernel's cgroup), and a limit fault's undo puts the declared limit back, not "no limit".
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DeclaredLimitsTests(DemoShopImage image)
{
    private const long Memory = 256L << 20;

    [DockerFact]
    public async Task Declared_limits_are_set_on_the_created_container_and_restored_by_a_limit_faults_undo()
    {
        await using var shop = BridgeShop.Create(image.Reference, limits: new LimitsSpec { Cpus = 0.5, Memory = new ByteSize(Memory) });
        await shop.UpAsync();
        var host = (await shop.Client.Containers.InspectContainerAsync(shop.InstanceId(1))).HostConfig;
        var pid = await shop.PidAsync(1);
        var limits = shop.Driver.Require<IResourceLimits>();

        Assert.Equal(500_000_000, host.NanoCPUs);
        Assert.Equal(Memory, host.Memory);
        Assert.Equal(Memory, host.MemorySwap);
        Assert.Equal(0.5, CgroupProbe.CpuQuota(pid));
        Assert.Equal(Memory, CgroupProbe.MemoryLimit(pid));
        Assert.Equal(new ResourceLimits(0.5, Memory), await limits.ReadLimitsAsync(shop.InstanceId(1), default));

        var (cpu, _) = await shop.InjectAsync(new CpuLimitOptions { Kind = ResourceLimitConstants.CpuKind, Service = BridgeShop.App, AllowTotalOutage = true, Cpus = 0.1 });
        var (memory, _) = await shop.InjectAsync(new MemoryLimitOptions { Kind = ResourceLimitConstants.MemoryKind, Service = BridgeShop.App, AllowTotalOutage = true, Limit = new ByteSize(128L << 20) });
        Assert.Equal(0.1, CgroupProbe.CpuQuota(pid));
        Assert.Equal(128L << 20, CgroupProbe.MemoryLimit(pid));

        await shop.UndoAsync(memory);
        await shop.UndoAsync(cpu);

        Assert.Equal(0.5, CgroupProbe.CpuQuota(pid));
        Assert.Equal(Memory, CgroupProbe.MemoryLimit(pid));
        Assert.Equal(new ResourceLimits(0.5, Memory), await limits.ReadLimitsAsync(shop.InstanceId(1), default));
    }

    [DockerFact]
    public async Task A_service_that_declares_only_memory_gets_no_cpu_limit()
    {
        await using var shop = BridgeShop.Create(image.Reference, limits: new LimitsSpec { Memory = new ByteSize(Memory) });
        await shop.UpAsync();
        var host = (await shop.Client.Containers.InspectContainerAsync(shop.InstanceId(1))).HostConfig;

        Assert.Equal(0, host.NanoCPUs);
        Assert.Equal(Memory, host.Memory);
        Assert.Null(CgroupProbe.CpuQuota(await shop.PidAsync(1)));
    }
}
