using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;

namespace DrillRunner.Docker.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class ScaleTests(DemoShopImage image)
{
    [DockerFact]
    public async Task Scale_out_clones_the_first_instance_with_the_next_index_and_port_and_scale_in_removes_the_highest()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            await env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(env.InstanceId(1), new Dictionary<string, string?> { ["Shop__PoolSize"] = "7" }, CancellationToken.None);

            await env.Driver.Require<IServiceScaling>().ScaleAsync(DemoShopEnvironment.Service, 3, CancellationToken.None);

            var waiter = ((DockerEnvironmentDriver)env.Driver).Waiter;
            await waiter.WaitUntilReadyAsync(env.InstanceId(3), TimeSpan.FromSeconds(30), CancellationToken.None);
            var instances = await env.Driver.ListInstancesAsync(DemoShopEnvironment.Service, CancellationToken.None);
            Assert.Equal([env.InstanceId(1), env.InstanceId(2), env.InstanceId(3)], instances.Select(i => i.Id));
            var third = instances[2];
            Assert.Equal($"http://127.0.0.1:{env.Port + 2}", third.Settings["ASPNETCORE_URLS"]);
            Assert.Equal("3", third.Settings["DEMO_INSTANCE"]);
            Assert.Equal("7", third.Settings["Shop__PoolSize"]);
            Assert.Equal(InstanceHealth.Healthy, third.Health);

            await env.Driver.Require<IServiceScaling>().ScaleAsync(DemoShopEnvironment.Service, 1, CancellationToken.None);

            var left = await env.Driver.ListInstancesAsync(DemoShopEnvironment.Service, CancellationToken.None);
            Assert.Equal([env.InstanceId(1)], left.Select(i => i.Id));
        }
    }
}
