using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;

namespace DrillRunner.Docker.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class UpDownTests(DemoShopImage image)
{
    [DockerFact]
    public async Task Up_starts_healthy_labelled_containers_and_down_leaves_none()
    {
        var env = DemoShopEnvironment.Create(image.Reference, instances: 2);
        await using (env)
        {
            await env.UpAsync();

            var instances = await env.Driver.ListInstancesAsync(DemoShopEnvironment.Service, CancellationToken.None);
            Assert.Equal([env.InstanceId(1), env.InstanceId(2)], instances.Select(i => i.Id));
            Assert.All(instances, i => Assert.Equal((InstanceState.Running, InstanceHealth.Healthy), (i.State, i.Health)));
            Assert.Equal(new Uri($"http://127.0.0.1:{env.Port + 1}"), instances[1].Endpoint);
            Assert.Equal("2", instances[1].Settings["DEMO_INSTANCE"]);

            var second = await env.InspectAsync(2);
            Assert.Equal(env.Spec.Name, second.Config.Labels[DockerLabels.Environment]);
            Assert.Equal(DemoShopEnvironment.Service, second.Config.Labels[DockerLabels.Service]);
            Assert.Equal("2", second.Config.Labels[DockerLabels.Instance]);
            Assert.Equal("host", second.HostConfig.NetworkMode);
            Assert.Equal("no", second.HostConfig.RestartPolicy.Name.ToString(), ignoreCase: true);

            await env.Driver.DownAsync(new Progress<string>(), CancellationToken.None);

            Assert.Empty(await env.LabelledContainersAsync());
            Assert.Equal(InstanceState.Missing, (await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None)).State);
        }
    }

    [DockerFact]
    public async Task Up_twice_keeps_the_same_containers_and_restarts_a_stopped_one()
    {
        var env = DemoShopEnvironment.Create(image.Reference, instances: 2);
        await using (env)
        {
            await env.UpAsync();
            var first = (await env.InspectAsync(1)).ID;
            await env.Driver.Require<IInstanceLifecycle>().StopAsync(env.InstanceId(2), CancellationToken.None);

            await env.UpAsync();

            Assert.Equal(first, (await env.InspectAsync(1)).ID);
            Assert.Equal(2, (await env.LabelledContainersAsync()).Count);
            Assert.Equal(InstanceState.Running, (await env.Driver.GetInstanceAsync(env.InstanceId(2), CancellationToken.None)).State);
        }
    }

    [DockerFact]
    public async Task Up_fails_with_the_log_tail_when_the_app_cannot_start()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            await env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(env.InstanceId(1), new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "not-a-url" }, CancellationToken.None);
            await env.Driver.WaitForStateAsync(env.InstanceId(1), InstanceState.Exited, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

            var error = await Assert.ThrowsAsync<DriverException>(env.UpAsync);

            Assert.Contains(env.InstanceId(1), error.Message, StringComparison.Ordinal);
            Assert.Contains("not-a-url", error.Message, StringComparison.Ordinal);
        }
    }
}
