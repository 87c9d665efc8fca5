using System.Globalization;
using System.Text.RegularExpressions;
using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Hosting.Watchdog;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Local;
using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// The dead-man's switch: `drill run` is SIGKILLed (or frozen with SIGSTOP) while a kill and a pause are active, and
/// nothing else is started: no `drill recover`, no other run. The run's own watchdog must have every instance running
/// again within the drill's lease, and the run recorded as interrupted.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class DeadMansSwitchTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public Task Local_processes_run_again_within_the_lease_after_the_runner_is_killed_during_a_kill_and_a_pause() => KillDuringFaultsAsync("local", hang: false);

    [DockerFact]
    public Task Docker_containers_run_again_within_the_lease_after_the_runner_is_killed_during_a_kill_and_a_pause() => KillDuringFaultsAsync("docker", hang: false);

    [Fact]
    public Task Local_processes_run_again_within_the_lease_after_the_runner_hangs() => KillDuringFaultsAsync("local", hang: true);

    [DockerFact]
    public Task Docker_containers_run_again_within_the_lease_after_the_runner_hangs() => KillDuringFaultsAsync("docker", hang: true);

    [GeneratedRegex(@"watchdog pid (\d+)")]
    private static partial Regex WatchdogPid();

    private async Task KillDuringFaultsAsync(string driverName, bool hang)
    {
        _workspace.Write("drills/dead-man.yaml", $"""
            name: dead-man
            environment: demo-shop
            lease: {(int)Lease.TotalSeconds}s
            preflight: {"{"} window: 1s {"}"}
            probes:
              - {"{"} name: health, kind: http, url: "${"{endpoints.shop}"}/health", interval: 250ms {"}"}
            steps:
              - {"{"} name: kill-app, kind: kill, at: 1s, service: app, count: 1, duration: 10m {"}"}
              - {"{"} name: pause-app, kind: pause, at: 2s, service: app, count: 1, duration: 10m {"}"}
            objectives:
              - {"{"} kind: recover, target: 30s {"}"}
            """);
        var environment = EnvironmentLoader.Load(Path.Combine(_workspace.Path, "drills/environments/demo-shop.yaml"));
        IDriverFactory factory = driverName == "docker"
            ? new DockerDriverFactory()
            : new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.Combine(_workspace.StateDirectory, "local") });
        await using var driver = factory.Create(environment, TimeProvider.System);
        var up = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(5), "env", "up", "demo-shop", "--driver", driverName);
        Assert.True(up.ExitCode == 0, up.Output);
        try
        {
            foreach (var point in new[] { "kill (SIGKILL)", "pause:" })
            {
                await KillAndWaitAsync(point, driver, driverName, hang);
            }
        }
        finally
        {
            await DrillProcess.RunAsync(_workspace.Path, Limit, "recover");
            await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "down", "demo-shop", "--driver", driverName);
        }
    }

    private async Task KillAndWaitAsync(string point, IEnvironmentDriver driver, string driverName, bool hang)
    {
        string output;
        int watchdog;
        var stoppedAt = TimeProvider.System.GetTimestamp();
        using (var run = DrillProcess.Start(_workspace.Path, "run", "drills/dead-man.yaml", "--driver", driverName))
        {
            await run.WaitForOutputAsync(point, Limit);
            output = run.Output;
            watchdog = int.Parse(WatchdogPid().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(await NotAllRunningAsync(driver), $"the fault did not take effect before the kill:\n{output}");
            stoppedAt = TimeProvider.System.GetTimestamp();
            if (hang)
            {
                // Frozen, not dead: it holds its environment lock and renews nothing.
                Assert.True(Signal(run.Id, "STOP"), "SIGSTOP failed");
            }
            else
            {
                await run.CrashAsync();
            }

            var restored = await RestoredWithinAsync(driver, Lease + TimeSpan.FromSeconds(hang ? 5 : 0));
            var took = TimeProvider.System.GetElapsedTime(stoppedAt);
            output = run.Output;
            log.WriteLine($"{driverName} {(hang ? "hung" : "killed")} right after '{point}': every instance running again {took.TotalSeconds:0.0}s later");
            Assert.True(restored, $"instances not all running {took} after the runner {(hang ? "hung" : "died")} (lease {Lease}); watchdog log:\n{WatchdogLog()}\nrun output:\n{output}");
            if (hang)
            {
                // Its last renewal may have come up to one renewal interval before the freeze.
                var earliest = Lease - ProcessRunWatchdog.RenewEvery(Lease) - TimeSpan.FromMilliseconds(500);
                Assert.True(took >= earliest, $"the hung runner was taken over after {took}, before its lease of {Lease} ran out");
            }
        }

        // The watchdog finished the run in the journal and went away; the runner is gone too.
        await EventuallyAsync(() => !Processes.IsAlive(watchdog), TimeSpan.FromSeconds(30), "the watchdog did not exit after restoring");
        var journal = new SqliteJournalStore(Path.Combine(_workspace.StateDirectory, "journal.db"));
        var latest = (await journal.FindRunsAsync(new RunQuery("dead-man", Limit: 1), CancellationToken.None)).Single();
        Assert.Equal(RunStatus.Interrupted, latest.Status);
        Assert.Contains(hang ? "it was hung and has been killed" : "is gone: restoring run", WatchdogLog(), StringComparison.Ordinal);
    }

    private static async Task<bool> NotAllRunningAsync(IEnvironmentDriver driver) =>
        (await driver.ListInstancesAsync("app", CancellationToken.None)).Any(i => i.State != InstanceState.Running);

    private static async Task<bool> RestoredWithinAsync(IEnvironmentDriver driver, TimeSpan within)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < within)
        {
            var apps = await driver.ListInstancesAsync("app", CancellationToken.None);
            if (apps.Count == 3 && apps.All(i => i.State == InstanceState.Running))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }

        return false;
    }

    private static async Task EventuallyAsync(Func<bool> condition, TimeSpan within, string message)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < within, message);
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }

    private string WatchdogLog()
    {
        var folder = Path.Combine(_workspace.StateDirectory, "watchdog");
        return Directory.Exists(folder) ? string.Join("\n", Directory.EnumerateFiles(folder, "*.log").Order(StringComparer.Ordinal).Select(File.ReadAllText)) : "(no watchdog folder)";
    }

    private static bool Signal(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }
}
