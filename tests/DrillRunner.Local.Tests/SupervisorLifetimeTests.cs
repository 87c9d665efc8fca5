using System.Diagnostics;
using DrillRunner.Drivers;
using DrillRunner.Local.Shared;
using DrillRunner.Model;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Local.Tests;

public sealed class SupervisorLifetimeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Supervisor_survives_the_death_of_the_process_group_that_started_it()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper());
        Directory.CreateDirectory(bed.Driver.StateDirectory);

        // A stand-in runner in its own process group starts the supervisor exactly as the driver
        // would, then the whole group is SIGKILLed, as when `drill run` is killed mid-drill.
        var launch = bed.Driver.Launcher.CreateStartInfo();
        var runnerInfo = new ProcessStartInfo("/usr/bin/setsid") { UseShellExecute = false, WorkingDirectory = launch.WorkingDirectory };
        foreach (var arg in new[] { "/bin/sh", "-c", "\"$@\" & wait", "runner", launch.FileName }.Concat(launch.ArgumentList))
        {
            runnerInfo.ArgumentList.Add(arg);
        }

        using var runner = Process.Start(runnerInfo)!;
        try
        {
            var supervisor = await UntilSupervisorAsync(bed);
            await bed.UpAsync();
            var before = await bed.Driver.ListInstancesAsync("worker", CancellationToken.None);
            Assert.Equal(supervisor.SupervisorPid, bed.State!.SupervisorPid);

            Assert.True(PosixSignals.SendToGroup(runner.Id, PosixSignals.SigKill), "could not kill the runner's process group");
            await runner.WaitForExitAsync();

            var stat = ProcStat.ReadAlive(supervisor.SupervisorPid, supervisor.SupervisorStartTicks);
            Assert.NotNull(stat);
            Assert.NotEqual(runner.Id, stat.ProcessGroup);
            Assert.Equal(supervisor.SupervisorPid, stat.Session);
            var after = await bed.Driver.ListInstancesAsync("worker", CancellationToken.None);
            Assert.Equal(before.Select(i => i.ProcessId), after.Select(i => i.ProcessId));
            Assert.All(after, i => Assert.Equal(InstanceState.Running, i.State));

            // Still in charge: its control API works after its starter is gone.
            await bed.Driver.StopAsync(after[0].Id, CancellationToken.None);
            await DriverWaits.UntilAsync(bed.Driver, after[0].Id, i => i.State == InstanceState.Stopped, Wait, "stopped");
        }
        finally
        {
            if (!runner.HasExited)
            {
                PosixSignals.SendToGroup(runner.Id, PosixSignals.SigKill);
            }
        }
    }

    [Fact]
    public async Task Down_leaves_no_process_behind()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(restartAfter: TimeSpan.FromMilliseconds(200)));
        await bed.UpAsync();
        var state = bed.State!;
        var pids = state.Instances.Select(i => i.Pid!.Value).Append(state.SupervisorPid).ToList();
        Assert.All(pids, pid => Assert.True(ProcStat.Read(pid)?.IsAlive, $"pid {pid} not running before down"));

        await bed.Driver.DownAsync(new Progress<string>(), CancellationToken.None);

        Assert.All(pids, pid => Assert.False(ProcStat.Read(pid)?.IsAlive ?? false, $"pid {pid} survived down"));
        Assert.Null(bed.State);
        Assert.Empty(await bed.Driver.ListInstancesAsync("worker", CancellationToken.None));
        Assert.Contains("not up", (await bed.Driver.CheckAsync(CancellationToken.None)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Down_also_removes_the_processes_an_instance_started()
    {
        await using var bed = LocalTestBed.Create(new ServiceSpec
        {
            Name = "forker",
            Command = "/bin/sh",
            Args = ["-c", "sleep 600 & sleep 601 & wait"],
        });
        await bed.UpAsync();
        var leader = bed.State!.Instances[0].Pid!.Value;
        await UntilAsync(() => GroupMembers(leader).Count == 3, "the instance and its two children");

        await bed.Driver.DownAsync(new Progress<string>(), CancellationToken.None);

        Assert.Empty(GroupMembers(leader));
    }

    [Fact]
    public async Task Up_is_idempotent_and_reuses_the_supervisor_in_its_own_session()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper());
        await bed.UpAsync();
        var first = bed.State!;

        await bed.UpAsync();

        var second = bed.State!;
        Assert.Equal(first.SupervisorPid, second.SupervisorPid);
        Assert.Equal(first.Instances.Select(i => i.Pid), second.Instances.Select(i => i.Pid));
        var stat = ProcStat.Read(second.SupervisorPid)!;
        Assert.Equal(second.SupervisorPid, stat.Session);
        Assert.NotEqual(ProcStat.Read(Environment.ProcessId)!.Session, stat.Session);
        var check = await bed.Driver.CheckAsync(CancellationToken.None);
        Assert.True(check.IsAvailable);
        Assert.Contains($"supervisor pid {second.SupervisorPid}", check.Detail, StringComparison.Ordinal);
    }

    /// <summary>Live processes of a process group, from /proc.</summary>
    private static List<int> GroupMembers(int processGroup) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcStat.Read(pid) is { IsAlive: true } stat && stat.ProcessGroup == processGroup)];

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        for (var attempt = 0; attempt < 300 && !condition(); attempt++)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < Wait, $"timed out waiting for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.True(condition(), $"timed out waiting for {what}");
    }

    private static async Task<SupervisorState> UntilSupervisorAsync(LocalTestBed bed)
    {
        var start = TimeProvider.System.GetTimestamp();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await bed.Driver.Launcher.ConnectAsync(CancellationToken.None) is not null && bed.Driver.Launcher.FindLive() is { } state)
            {
                return state;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(start) < Wait, "the supervisor did not come up");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException("the supervisor did not come up");
    }
}
