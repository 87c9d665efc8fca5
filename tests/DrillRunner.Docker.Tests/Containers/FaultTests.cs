using System.Diagnostics;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Docker.Tests.Containers;

[Collection(DockerCollection.Name)]
public sealed class FaultTests(DemoShopImage image, ITestOutputHelper output)
{
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(30);

    [DockerFact]
    public async Task Kill_leaves_the_container_exited_even_with_a_restart_policy()
    {
        var env = DemoShopEnvironment.Create(image.Reference, supervised: true);
        await using (env)
        {
            await env.UpAsync();
            Assert.Equal("always", (await env.InspectAsync(1)).HostConfig.RestartPolicy.Name.ToString(), ignoreCase: true);

            await env.Driver.Require<IInstanceLifecycle>().KillAsync(env.InstanceId(1), "SIGKILL", CancellationToken.None);

            var killed = await WaitAsync(env, InstanceState.Exited);
            Assert.Null(killed.ProcessId);
            await Task.Delay(TimeSpan.FromSeconds(3), TimeProvider.System);
            var later = await env.InspectAsync(1);
            Assert.Equal(("exited", 0L), (later.State.Status, later.RestartCount));
        }
    }

    [DockerFact]
    public async Task Crash_with_a_restart_policy_brings_the_instance_back_running()
    {
        var env = DemoShopEnvironment.Create(image.Reference, supervised: true);
        await using (env)
        {
            await env.UpAsync();
            var before = await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None);

            var clock = Stopwatch.StartNew();
            await env.Driver.Require<IInstanceLifecycle>().CrashAsync(env.InstanceId(1), CancellationToken.None);
            var back = await WaitForNewProcessAsync(env, before.ProcessId);
            var running = clock.Elapsed;
            await ((DockerEnvironmentDriver)env.Driver).Waiter.WaitUntilReadyAsync(env.InstanceId(1), StateTimeout, CancellationToken.None);
            output.WriteLine($"crash -> running again in {running.TotalMilliseconds:0} ms, healthy in {clock.Elapsed.TotalMilliseconds:0} ms");

            Assert.NotEqual(before.ProcessId, back.ProcessId);
            Assert.Equal(1, (await env.InspectAsync(1)).RestartCount);
        }
    }

    [DockerFact]
    public async Task Crash_without_a_restart_policy_leaves_the_instance_exited()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();

            await env.Driver.Require<IInstanceLifecycle>().CrashAsync(env.InstanceId(1), CancellationToken.None);

            var crashed = await WaitAsync(env, InstanceState.Exited);
            Assert.Equal(137, (await env.InspectAsync(1)).State.ExitCode);
            Assert.Equal(InstanceHealth.Unhealthy, crashed.Health);
        }
    }

    [DockerFact]
    public async Task Stop_and_start_are_seen_by_the_engine()
    {
        var env = DemoShopEnvironment.Create(image.Reference, supervised: true);
        await using (env)
        {
            await env.UpAsync();

            await env.Driver.Require<IInstanceLifecycle>().StopAsync(env.InstanceId(1), CancellationToken.None);
            await WaitAsync(env, InstanceState.Stopped);
            await env.Driver.Require<IInstanceLifecycle>().StartAsync(env.InstanceId(1), CancellationToken.None);

            await WaitAsync(env, InstanceState.Running);
        }
    }

    [DockerFact]
    public async Task Pause_freezes_the_app_and_unpause_brings_it_back_idempotently()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();

            await env.Driver.Require<IInstanceLifecycle>().PauseAsync(env.InstanceId(1), CancellationToken.None);
            var paused = await WaitAsync(env, InstanceState.Paused);
            Assert.Equal(InstanceHealth.Unhealthy, paused.Health);

            await env.Driver.Require<IInstanceLifecycle>().UnpauseAsync(env.InstanceId(1), CancellationToken.None);
            var running = await WaitAsync(env, InstanceState.Running);
            Assert.Equal(InstanceHealth.Healthy, running.Health);
            await env.Driver.Require<IInstanceLifecycle>().UnpauseAsync(env.InstanceId(1), CancellationToken.None);
        }
    }

    [DockerFact]
    public async Task Restart_gives_the_instance_a_new_process()
    {
        var env = DemoShopEnvironment.Create(image.Reference);
        await using (env)
        {
            await env.UpAsync();
            var before = await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None);

            await env.Driver.Require<IInstanceLifecycle>().RestartAsync(env.InstanceId(1), CancellationToken.None);

            var after = await WaitAsync(env, InstanceState.Running);
            Assert.NotEqual(before.ProcessId, after.ProcessId);
        }
    }

    private static async Task<InstanceInfo> WaitForNewProcessAsync(DemoShopEnvironment env, int? oldPid)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var info = await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None);
            if (info is { State: InstanceState.Running } && info.ProcessId != oldPid)
            {
                return info;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        throw new TimeoutException("the crashed instance did not come back with a new process");
    }

    private static Task<InstanceInfo> WaitAsync(DemoShopEnvironment env, InstanceState state) =>
        env.Driver.WaitForStateAsync(env.InstanceId(1), state, StateTimeout, TimeProvider.System, CancellationToken.None);
}
