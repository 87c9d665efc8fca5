using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;

namespace DrillRunner.Docker.Tests.Containers;

/// <summary>
/// Another process (a drill's recreate) has set an instance aside: what a second driver (an autoscaler, a sampler)
/// does meanwhile must not break that recreate.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ConcurrentRecreateTests(DemoShopImage image)
{
    [DockerFact]
    public async Task Listing_and_scaling_beside_a_recreate_neither_heal_the_set_aside_instance_nor_reuse_its_index()
    {
        var env = DemoShopEnvironment.Create(image.Reference, instances: 2);
        await using (env)
        {
            await env.UpAsync();
            var second = await env.InspectAsync(2);
            await env.Client.Containers.RenameContainerAsync(second.ID, new ContainerRenameParameters { NewName = env.InstanceId(2) + DockerLabels.SetAsideSuffix }, CancellationToken.None);
            await env.Client.Containers.StopContainerAsync(second.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, CancellationToken.None);

            var listed = await env.Driver.ListInstancesAsync(DemoShopEnvironment.Service, CancellationToken.None);
            await env.Driver.Require<IServiceScaling>().ScaleAsync(DemoShopEnvironment.Service, 3, CancellationToken.None);

            Assert.Equal([env.InstanceId(1)], listed.Select(i => i.Id));
            var setAside = await env.Client.Containers.InspectContainerAsync(second.ID, CancellationToken.None);
            Assert.Equal(env.InstanceId(2) + DockerLabels.SetAsideSuffix, setAside.Name.TrimStart('/'));
            var names = (await env.LabelledContainersAsync()).Select(c => c.Names[0].TrimStart('/')).Order(StringComparer.Ordinal).ToList();
            Assert.Equal([env.InstanceId(1), env.InstanceId(2) + DockerLabels.SetAsideSuffix, env.InstanceId(3)], names);
        }
    }
}
