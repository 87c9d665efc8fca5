using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;

namespace DrillRunner.Docker.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class ReconfigureTests(DemoShopImage image)
{
    [DockerFact]
    public async Task Reconfigure_recreates_the_container_with_new_settings_under_the_same_name_and_labels()
    {
        var env = DemoShopEnvironment.Create(image.Reference, supervised: true);
        await using (env)
        {
            await env.UpAsync();
            var before = await env.InspectAsync(1);

            await env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(
                env.InstanceId(1), new Dictionary<string, string?> { ["Shop__PoolSize"] = "1", ["DEMO_INSTANCE"] = null }, CancellationToken.None);

            var after = await env.InspectAsync(1);
            Assert.NotEqual(before.ID, after.ID);
            Assert.Equal(before.Name, after.Name);
            Assert.Equal(before.Config.Labels, after.Config.Labels);
            Assert.Equal(before.HostConfig.RestartPolicy.Name, after.HostConfig.RestartPolicy.Name);
            Assert.Equal(before.HostConfig.NetworkMode, after.HostConfig.NetworkMode);
            Assert.Contains("Shop__PoolSize=1", after.Config.Env);
            Assert.DoesNotContain(after.Config.Env, e => e.StartsWith("DEMO_INSTANCE=", StringComparison.Ordinal));
            Assert.Single(await env.LabelledContainersAsync());

            var info = await env.Driver.WaitForStateAsync(env.InstanceId(1), InstanceState.Running, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
            Assert.Equal("1", info.Settings["Shop__PoolSize"]);
            Assert.False(info.Settings.ContainsKey("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"), "image defaults are not instance settings");
        }
    }

    [DockerFact]
    public async Task Reconfigure_undo_restores_the_original_settings()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            var original = await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None);

            await env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(
                env.InstanceId(1), new Dictionary<string, string?> { ["Shop__PoolSize"] = "1", ["DEMO_INSTANCE"] = "broken" }, CancellationToken.None);
            await env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(
                env.InstanceId(1), new Dictionary<string, string?> { ["Shop__PoolSize"] = null, ["DEMO_INSTANCE"] = original.Settings["DEMO_INSTANCE"] }, CancellationToken.None);

            await ((DockerEnvironmentDriver)env.Driver).Waiter.WaitUntilReadyAsync(env.InstanceId(1), TimeSpan.FromSeconds(30), CancellationToken.None);
            var restored = await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None);
            Assert.Equal(original.Settings.OrderBy(kv => kv.Key), restored.Settings.OrderBy(kv => kv.Key));
            Assert.Equal(InstanceHealth.Healthy, restored.Health);
        }
    }

    [DockerFact]
    public async Task Reconfigure_of_a_stopped_instance_keeps_it_stopped_and_leaves_nothing_set_aside()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            await env.Driver.Require<IInstanceLifecycle>().StopAsync(env.InstanceId(1), CancellationToken.None);

            await env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(env.InstanceId(1), new Dictionary<string, string?> { ["Shop__PoolSize"] = "2" }, CancellationToken.None);

            var containers = await env.LabelledContainersAsync();
            Assert.Equal(["/" + env.InstanceId(1)], containers.SelectMany(c => c.Names));
            Assert.DoesNotContain(containers, c => c.Names[0].EndsWith(DockerLabels.SetAsideSuffix, StringComparison.Ordinal));
            Assert.Equal(InstanceState.Stopped, (await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None)).State);
        }
    }

    [DockerFact]
    public async Task A_recreate_left_between_create_and_start_is_rolled_back_and_the_next_reconfigure_starts_the_instance()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            var id = env.InstanceId(1);
            var before = await env.InspectAsync(1);

            // What a runner killed mid-recreate leaves: the old container set aside and stopped, the new one created
            // under the instance's name but never started.
            await DockerCli.RunAsync("rename", id, id + DockerLabels.SetAsideSuffix);
            await DockerCli.RunAsync("stop", "-t", "2", before.ID);
            var labels = before.Config.Labels.SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" });
            var unstarted = await DockerCli.RunAsync(["create", "--name", id, "--network", "none", .. labels, image.Reference]);
            Assert.False(string.IsNullOrEmpty(unstarted));

            // The undo of the misconfigure, as crash recovery runs it.
            await env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(id, new Dictionary<string, string?> { ["Shop__PoolSize"] = "2" }, CancellationToken.None);

            await ((DockerEnvironmentDriver)env.Driver).Waiter.WaitUntilReadyAsync(id, TimeSpan.FromSeconds(30), CancellationToken.None);
            var after = await env.InspectAsync(1);
            Assert.Contains("Shop__PoolSize=2", after.Config.Env);
            Assert.Equal(before.Config.Labels, after.Config.Labels);
            Assert.Equal("", await DockerCli.RunAsync("ps", "-aq", "--filter", "id=" + unstarted));
            Assert.Equal(["/" + id], (await env.LabelledContainersAsync()).SelectMany(c => c.Names));
        }
    }

    [DockerFact]
    public async Task A_failed_reconfigure_puts_the_original_container_back_running()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            var before = await env.InspectAsync(1);

            // The engine refuses an empty variable name at create, after the old container was set aside and stopped.
            var error = await Assert.ThrowsAsync<DriverException>(() => env.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(
                env.InstanceId(1), new Dictionary<string, string?> { [""] = "x" }, CancellationToken.None));

            Assert.Contains("invalid environment variable", error.Message, StringComparison.Ordinal);
            var after = await env.InspectAsync(1);
            Assert.Equal(before.ID, after.ID);
            Assert.Single(await env.LabelledContainersAsync());
            await ((DockerEnvironmentDriver)env.Driver).Waiter.WaitUntilReadyAsync(env.InstanceId(1), TimeSpan.FromSeconds(30), CancellationToken.None);
        }
    }
}
