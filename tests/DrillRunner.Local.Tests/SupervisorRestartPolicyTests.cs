using DrillRunner.Drivers;
using DrillRunner.Testing.Drivers;
using Xunit.Abstractions;

namespace DrillRunner.Local.Tests;

public sealed class SupervisorRestartPolicyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Crashed_instance_is_restarted_by_the_supervisor_after_restart_after()
    {
        var restartAfter = TimeSpan.FromSeconds(2);
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1, restartAfter: restartAfter));
        await bed.UpAsync();
        var id = (await bed.Driver.ListInstancesAsync("worker", CancellationToken.None))[0].Id;
        var before = await bed.Driver.GetInstanceAsync(id, CancellationToken.None);

        var crashedAt = TimeProvider.System.GetTimestamp();
        await bed.Driver.CrashAsync(id, CancellationToken.None);
        // Between the kill and the supervisor's reaping, the OS already shows the process gone (Exited).
        await DriverWaits.UntilAsync(bed.Driver, id, i => i.State == InstanceState.Restarting, Wait, "restarting");
        var back = await DriverWaits.UntilAsync(
            bed.Driver, id, i => i.State == InstanceState.Running && i.ProcessId != before.ProcessId, Wait, "restarted");
        var elapsed = TimeProvider.System.GetElapsedTime(crashedAt);

        output.WriteLine($"restart_after={restartAfter.TotalSeconds}s crash->running={elapsed.TotalMilliseconds:0}ms (pid {before.ProcessId} -> {back.ProcessId})");
        Assert.InRange(elapsed, restartAfter - TimeSpan.FromMilliseconds(100), restartAfter + TimeSpan.FromSeconds(3));
        Assert.Equal("1", back.Settings["WORKER_INDEX"]);
    }

    [Fact]
    public async Task Crashed_demoshop_answers_again_after_restart_after_without_the_runner()
    {
        var restartAfter = TimeSpan.FromSeconds(1);
        await using var bed = LocalTestBed.Create(LocalTestBed.DemoShop(FreePorts.FindRange(1), instances: 1, restartAfter: restartAfter));
        var upAt = TimeProvider.System.GetTimestamp();
        await bed.UpAsync();
        var upTook = TimeProvider.System.GetElapsedTime(upAt);
        var before = (await bed.Driver.ListInstancesAsync(DriverContractTests.Service, CancellationToken.None))[0];

        var crashedAt = TimeProvider.System.GetTimestamp();
        await bed.Driver.CrashAsync(before.Id, CancellationToken.None);
        Assert.False(await DriverWaits.AnswersAsync(before.Endpoint!, DriverContractTests.HealthPath, TimeSpan.FromMilliseconds(500)));
        var back = await DriverWaits.UntilAsync(
            bed.Driver, before.Id, i => DriverWaits.IsUp(i) && i.ProcessId != before.ProcessId, Wait, "healthy again");
        var elapsed = TimeProvider.System.GetElapsedTime(crashedAt);

        output.WriteLine($"demoshop up={upTook.TotalMilliseconds:0}ms restart_after={restartAfter.TotalSeconds}s crash->healthy={elapsed.TotalMilliseconds:0}ms");
        Assert.True(await DriverWaits.AnswersAsync(back.Endpoint!, DriverContractTests.HealthPath, TimeSpan.FromSeconds(2)));
        Assert.InRange(elapsed, restartAfter, restartAfter + TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Crashed_instance_without_a_restart_policy_stays_exited()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var id = (await bed.Driver.ListInstancesAsync("worker", CancellationToken.None))[0].Id;

        await bed.Driver.CrashAsync(id, CancellationToken.None);
        await DriverWaits.UntilAsync(bed.Driver, id, i => i.State == InstanceState.Exited, Wait, "exited");
        await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System);

        Assert.Equal(InstanceState.Exited, (await bed.Driver.GetInstanceAsync(id, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Kill_with_sigterm_is_not_restarted_even_with_a_policy()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1, restartAfter: TimeSpan.FromMilliseconds(300)));
        await bed.UpAsync();
        var id = (await bed.Driver.ListInstancesAsync("worker", CancellationToken.None))[0].Id;

        await bed.Driver.KillAsync(id, "SIGTERM", CancellationToken.None);
        await DriverWaits.UntilAsync(bed.Driver, id, i => i.State == InstanceState.Stopped, Wait, "stopped");
        await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System);

        Assert.Equal(InstanceState.Stopped, (await bed.Driver.GetInstanceAsync(id, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Unknown_signal_is_refused_with_a_driver_exception()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var id = (await bed.Driver.ListInstancesAsync("worker", CancellationToken.None))[0].Id;

        var error = await Assert.ThrowsAsync<DriverException>(() => bed.Driver.KillAsync(id, "SIGBOGUS", CancellationToken.None));

        Assert.Contains("SIGBOGUS", error.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceState.Running, (await bed.Driver.GetInstanceAsync(id, CancellationToken.None)).State);
    }
}
