using System.Globalization;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Testing;

namespace DrillRunner.Local.Tests;

/// <summary>Services that name a user (PostgreSQL and Patroni refuse root), their data folders, and the processes of an instance.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunAsUserTests
{
    private const string User = "nobody";

    [RootFact]
    public async Task A_service_runs_as_its_user_in_a_data_folder_it_owns_and_env_down_removes_the_folder()
    {
        await using var bed = LocalTestBed.Create(new ServiceSpec
        {
            Name = "db",
            User = User,
            Command = "/bin/sh",
            Args = ["-c", "id -u > {data}/uid && exec sleep 600"],
        });
        var user = UnixUsers.Find(User)!;

        await bed.UpAsync();

        var instance = (await bed.Driver.ListInstancesAsync("db", CancellationToken.None)).Single();
        var data = Path.Combine(bed.Driver.StateDirectory, "data", instance.Id);
        Assert.Equal(user.Uid, UidOf(instance.ProcessId!.Value));
        await WaitForFileAsync(Path.Combine(data, "uid"));
        Assert.Equal(user.Uid.ToString(CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(data, "uid")).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(user.Home, Environ(instance.ProcessId!.Value).GetValueOrDefault("HOME"));

        await bed.Driver.DownAsync(new Progress<string>(), CancellationToken.None);

        Assert.False(Directory.Exists(data));
        Assert.False(Directory.Exists(Path.GetDirectoryName(data)));
    }

    [RootFact]
    public async Task The_processes_of_an_instance_include_a_daemon_that_detached_and_one_of_them_can_be_paused_and_resumed()
    {
        await using var bed = LocalTestBed.Create(new ServiceSpec
        {
            Name = "db",
            User = User,
            Command = "/bin/sh",
            // The daemon leaves: a new session, its parent gone, so init adopts it (as Patroni's postmaster).
            Args = ["-c", "(setsid sleep 601 &) ; (sleep 602 &) ; exec sleep 600"],
        });
        await bed.UpAsync();
        var id = (await bed.Driver.ListInstancesAsync("db", CancellationToken.None)).Single().Id;
        var processes = await WaitForProcessesAsync(bed, id, "sleep 600", "sleep 601", "sleep 602");
        var daemon = processes.Single(p => p.CommandLine == "sleep 601");
        Assert.NotEqual(processes.Single(p => p.CommandLine == "sleep 600").ProcessId, SessionOf(daemon.ProcessId));

        await bed.Driver.SignalProcessAsync(id, daemon.ProcessId, "SIGSTOP", CancellationToken.None);

        // A signal takes effect when the process next runs: on a busy machine, a moment after kill(2) returns.
        var paused = await WaitForStoppedAsync(bed, id, daemon.ProcessId, stopped: true);
        Assert.All(paused.Where(p => p.ProcessId != daemon.ProcessId), p => Assert.False(p.Stopped));
        await Assert.ThrowsAsync<DriverException>(() => bed.Driver.SignalProcessAsync(id, Environment.ProcessId, "SIGSTOP", CancellationToken.None));

        await bed.Driver.SignalProcessAsync(id, daemon.ProcessId, "SIGCONT", CancellationToken.None);
        await WaitForStoppedAsync(bed, id, daemon.ProcessId, stopped: false);

        // Node loss takes the daemon with it, as a container's death would; env down finds any left over.
        await bed.Driver.KillAsync(id, "SIGKILL", CancellationToken.None);
        await DriverWaitsFor(() => !Directory.Exists($"/proc/{daemon.ProcessId}"));
    }

    /// <summary>
    /// Waits until the instance has a process with each command line: counting processes is not enough, since a
    /// forked shell shows its parent's command line until it execs (setsid even forks once more).
    /// </summary>
    private static async Task<IReadOnlyList<InstanceProcess>> WaitForProcessesAsync(LocalTestBed bed, string id, params string[] commandLines)
    {
        IReadOnlyList<InstanceProcess> processes = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            processes = await bed.Driver.ListProcessesAsync(id, CancellationToken.None);
            if (commandLines.All(c => processes.Count(p => p.CommandLine == c) == 1))
            {
                return processes;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException($"{id} never had one process each of {string.Join(", ", commandLines)}; it had {string.Join(", ", processes.Select(p => p.CommandLine))}");
    }

    private static async Task<IReadOnlyList<InstanceProcess>> WaitForStoppedAsync(LocalTestBed bed, string id, int processId, bool stopped)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var processes = await bed.Driver.ListProcessesAsync(id, CancellationToken.None);
            if (processes.Single(p => p.ProcessId == processId).Stopped == stopped)
            {
                return processes;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException($"process {processId} of {id} was not {(stopped ? "stopped" : "running")} within 3 s");
    }

    private static async Task WaitForFileAsync(string path) => await DriverWaitsFor(() => File.Exists(path) && new FileInfo(path).Length > 0);

    private static async Task DriverWaitsFor(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.True(condition());
    }

    private static int UidOf(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3], CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Environ(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
