using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using Xunit;

namespace DrillRunner.Testing.Drivers;

public abstract partial class DriverContractTests
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    [DriverFact]
    public async Task Up_makes_every_instance_running_and_healthy()
    {
        var instances = await InstancesAsync();

        Assert.Equal(2, instances.Count);
        Assert.EndsWith($"-{Service}-1", instances[0].Id, StringComparison.Ordinal);
        Assert.EndsWith($"-{Service}-2", instances[1].Id, StringComparison.Ordinal);
        foreach (var instance in instances)
        {
            Assert.Equal(InstanceState.Running, instance.State);
            Assert.Equal(InstanceHealth.Healthy, instance.Health);
            Assert.Equal(InitialMarker, instance.Settings[MarkerSetting]);
            Assert.True(await AnswersAsync(instance, AnswerTimeout), $"{instance.Id} does not answer {HealthPath}");
        }
    }

    [DriverFact]
    public async Task Kill_takes_the_instance_down_and_it_is_not_restarted()
    {
        var instances = await InstancesAsync();

        await Driver.Require<IInstanceLifecycle>().KillAsync(instances[0].Id, "SIGKILL", CancellationToken.None);
        await UntilDownAsync(instances[0].Id);
        await Task.Delay(NoRestartWindow, TimeProvider.System);

        var killed = await Driver.GetInstanceAsync(instances[0].Id, CancellationToken.None);
        Assert.NotEqual(InstanceState.Running, killed.State);
        Assert.False(await AnswersAsync(instances[0], AnswerTimeout), "a killed instance still answers");
        Assert.Equal(InstanceState.Running, (await Driver.GetInstanceAsync(instances[1].Id, CancellationToken.None)).State);
    }

    [DriverFact]
    public async Task Start_after_kill_brings_the_instance_back()
    {
        var id = await FirstInstanceIdAsync();
        await Driver.Require<IInstanceLifecycle>().KillAsync(id, "SIGKILL", CancellationToken.None);
        await UntilDownAsync(id);

        await Driver.Require<IInstanceLifecycle>().StartAsync(id, CancellationToken.None);

        var info = await UntilUpAsync(id);
        Assert.True(await AnswersAsync(info, AnswerTimeout));
    }

    [DriverFact]
    public async Task Stop_then_start_brings_the_instance_back()
    {
        var id = await FirstInstanceIdAsync();

        await Driver.Require<IInstanceLifecycle>().StopAsync(id, CancellationToken.None);
        var stopped = await UntilDownAsync(id);
        Assert.Contains(stopped.State, new[] { InstanceState.Stopped, InstanceState.Exited });

        await Driver.Require<IInstanceLifecycle>().StartAsync(id, CancellationToken.None);
        var info = await UntilUpAsync(id);
        Assert.True(await AnswersAsync(info, AnswerTimeout));
    }

    [DriverFact]
    public async Task Pause_freezes_the_instance_so_requests_time_out()
    {
        var before = (await InstancesAsync())[0];

        await Driver.Require<IInstanceLifecycle>().PauseAsync(before.Id, CancellationToken.None);

        var paused = await UntilAsync(before.Id, i => i.State == InstanceState.Paused, "paused");
        Assert.Equal(before.ProcessId, paused.ProcessId);
        Assert.False(await AnswersAsync(before, TimeSpan.FromSeconds(1)), "a paused instance answered");
    }

    [DriverFact]
    public async Task Unpause_lets_a_paused_instance_answer_again()
    {
        var id = await FirstInstanceIdAsync();
        await Driver.Require<IInstanceLifecycle>().PauseAsync(id, CancellationToken.None);
        await UntilAsync(id, i => i.State == InstanceState.Paused, "paused");

        await Driver.Require<IInstanceLifecycle>().UnpauseAsync(id, CancellationToken.None);

        var info = await UntilUpAsync(id);
        Assert.True(await AnswersAsync(info, AnswerTimeout));
    }

    [DriverFact]
    public async Task Restart_runs_a_new_process()
    {
        var before = (await InstancesAsync())[0];

        await Driver.Require<IInstanceLifecycle>().RestartAsync(before.Id, CancellationToken.None);

        var after = await UntilAsync(before.Id, i => DriverWaits.IsUp(i) && i.ProcessId != before.ProcessId, "restarted");
        Assert.NotNull(after.ProcessId);
        Assert.True(await AnswersAsync(after, AnswerTimeout));
    }

    [DriverFact]
    public async Task Reconfigure_changes_and_removes_settings_and_keeps_the_id()
    {
        var instances = await InstancesAsync();
        var id = instances[0].Id;

        await Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(id, new Dictionary<string, string?> { [MarkerSetting] = "changed" }, CancellationToken.None);
        var changed = await UntilAsync(id, i => DriverWaits.IsUp(i) && i.Settings.GetValueOrDefault(MarkerSetting) == "changed", "reconfigured");
        Assert.Equal(id, changed.Id);
        Assert.Equal(instances[0].Endpoint, changed.Endpoint);

        await Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(id, new Dictionary<string, string?> { [MarkerSetting] = null }, CancellationToken.None);
        var removed = await UntilAsync(id, i => DriverWaits.IsUp(i) && !i.Settings.ContainsKey(MarkerSetting), "setting removed");
        Assert.True(await AnswersAsync(removed, AnswerTimeout));
        Assert.Equal(InitialMarker, (await Driver.GetInstanceAsync(instances[1].Id, CancellationToken.None)).Settings[MarkerSetting]);
    }

    [DriverFact]
    public async Task Scale_adds_an_instance_and_removes_the_highest_numbered_one()
    {
        await Driver.Require<IServiceScaling>().ScaleAsync(Service, 3, CancellationToken.None);
        var three = await InstancesAsync();
        Assert.Equal(3, three.Count);
        var added = await UntilUpAsync(three[2].Id);
        Assert.EndsWith($"-{Service}-3", added.Id, StringComparison.Ordinal);
        Assert.True(await AnswersAsync(added, AnswerTimeout));

        await Driver.Require<IServiceScaling>().ScaleAsync(Service, 2, CancellationToken.None);

        var two = await InstancesAsync();
        Assert.Equal([three[0].Id, three[1].Id], two.Select(i => i.Id));
        Assert.Equal(InstanceState.Missing, (await Driver.GetInstanceAsync(added.Id, CancellationToken.None)).State);
        Assert.False(await AnswersAsync(added, AnswerTimeout), "a removed instance still answers");
    }

    [DriverFact]
    public async Task Down_removes_every_instance()
    {
        var instances = await InstancesAsync();

        await Driver.DownAsync(new Progress<string>(), CancellationToken.None);

        Assert.Empty(await Driver.ListInstancesAsync(Service, CancellationToken.None));
        foreach (var instance in instances)
        {
            Assert.Equal(InstanceState.Missing, (await Driver.GetInstanceAsync(instance.Id, CancellationToken.None)).State);
            Assert.False(await AnswersAsync(instance, AnswerTimeout), $"{instance.Id} still answers after down");
        }
    }
}
