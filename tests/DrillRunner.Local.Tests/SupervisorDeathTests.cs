using DrillRunner.Drivers;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Tests;

/// <summary>What happens to instances when the supervisor itself is SIGKILLed.</summary>
public sealed class SupervisorDeathTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Instances_outlive_a_killed_supervisor_and_down_still_removes_them()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper());
        await bed.UpAsync();
        var state = bed.State!;

        await KillSupervisorAsync(state);

        var orphans = await bed.Driver.ListInstancesAsync("worker", CancellationToken.None);
        Assert.All(orphans, i => Assert.Equal(InstanceState.Running, i.State));
        Assert.Contains("not up", (await bed.Driver.CheckAsync(CancellationToken.None)).Detail, StringComparison.Ordinal);

        await bed.Driver.DownAsync(new Progress<string>(), CancellationToken.None);

        Assert.All(state.Instances, r => Assert.Null(ProcStat.ReadAlive(r.Pid, r.PidStartTicks)));
        Assert.Empty(await bed.Driver.ListInstancesAsync("worker", CancellationToken.None));
    }

    [Fact]
    public async Task Up_after_a_killed_supervisor_replaces_it_and_its_orphans()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper());
        await bed.UpAsync();
        var old = bed.State!;
        await KillSupervisorAsync(old);

        await bed.UpAsync();

        var current = bed.State!;
        Assert.NotEqual(old.SupervisorPid, current.SupervisorPid);
        Assert.All(old.Instances, r => Assert.Null(ProcStat.ReadAlive(r.Pid, r.PidStartTicks)));
        var instances = await bed.Driver.ListInstancesAsync("worker", CancellationToken.None);
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal(InstanceState.Running, i.State));
    }

    private static async Task KillSupervisorAsync(SupervisorState state)
    {
        Assert.True(PosixSignals.Send(state.SupervisorPid, PosixSignals.SigKill));
        var start = TimeProvider.System.GetTimestamp();
        for (var attempt = 0; attempt < 300 && ProcStat.ReadAlive(state.SupervisorPid, state.SupervisorStartTicks) is not null; attempt++)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < Wait, "the supervisor survived SIGKILL");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }
}
