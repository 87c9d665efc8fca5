using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Testing;
using DrillRunner.Testing.Namespaces;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// Kill the runner during each network and resource fault on the demo environment (Docker, bridge network); the run's
/// watchdog restores it (or, with the watchdog killed too, `drill recover` alone does): no iptables rule, qdisc, CPU
/// quota, memory limit, fill file or delay proxy may be left behind.
/// Each kill point comes right after one more fault is in effect, so the last one has all seven at once.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class FaultLeftoverCrashTests(ITestOutputHelper output) : IDisposable
{
    private const string Drill = """
        name: leftovers
        environment: ENVIRONMENT
        preflight: { window: 1s }
        probes:
          - { name: health, kind: http, url: "${endpoints.shop}/health", interval: 250ms }
        steps:
          - { name: slow, kind: network-delay, at: 1s, service: app, count: 1, delay: 100ms, duration: 60s }
          - { name: lossy, kind: network-loss, at: 1500ms, service: app, count: 1, loss: 5%, duration: 60s }
          - { name: thin, kind: network-bandwidth, at: 2s, service: app, count: 1, rate: 50mbit, duration: 60s }
          - { name: cut, kind: network-partition, at: 2500ms, service: app, count: 1, peer: lb, duration: 60s }
          - { name: cpu, kind: cpu-limit, at: 3s, service: app, count: 1, cpus: 0.5, duration: 60s }
          - { name: mem, kind: memory-limit, at: 3500ms, service: app, count: 1, limit: 512MiB, duration: 60s }
          - { name: fill, kind: disk-fill, at: 4s, service: app, count: 1, path: /var/cache/shop, level: 50%, duration: 60s }
        objectives:
          - { kind: recover, target: 30s }
        recovery: { deadline: 20s }
        """;

    private static readonly string[] Points = ["delay 100ms:", "loss 5% (in):", "bandwidth 50mbit:", "partition from lb (both):", "cpu limited", "memory limited", "filled /var/cache/shop"];
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly DemoWorkspace _workspace = new();

    private string _environment = "";

    public void Dispose() => _workspace.Dispose();

    [NamespaceFact]
    public async Task Nothing_of_a_network_or_resource_fault_is_left_after_the_runner_is_killed_during_it_and_recovered()
    {
        _environment = _workspace.WriteUniqueEnvironment();
        _workspace.Write("drills/leftovers.yaml", Drill.Replace("ENVIRONMENT", _environment, StringComparison.Ordinal));
        var environment = EnvironmentLoader.Load(Path.Combine(_workspace.Path, $"drills/environments/{_environment}.yaml"));
        await using var driver = new DockerDriverFactory().Create(environment, TimeProvider.System);
        var up = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(5), "env", "up", _environment, "--driver", "docker");
        Assert.True(up.ExitCode == 0, up.Output);
        var failures = new List<string>();
        try
        {
            foreach (var (point, index) in Points.Select((p, i) => (p, i)))
            {
                var killWatchdog = index % 2 == 1;
                var problem = await KillAndRecoverAsync(point, killWatchdog, driver);
                output.WriteLine($"kill right after '{point}' ({(killWatchdog ? "watchdog killed too" : "watchdog restores")}): {problem ?? "nothing left"}");
                if (problem is not null)
                {
                    failures.Add($"{point}: {problem}");
                }
            }
        }
        finally
        {
            await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "down", _environment, "--driver", "docker");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    // Even kill points: the run's watchdog (dead-man's switch) restores it and `drill recover` finds nothing left.
    // Odd ones: the watchdog is SIGKILLed first, so `drill recover` alone must restore everything.
    private async Task<string?> KillAndRecoverAsync(string point, bool killWatchdog, IEnvironmentDriver driver)
    {
        IReadOnlyList<string> before = [];
        int? watchdog;
        using (var run = DrillProcess.Start(_workspace.Path, "run", "drills/leftovers.yaml", "--driver", "docker"))
        {
            await run.WaitForOutputAsync(point, Limit);
            watchdog = WatchdogPid().Match(run.Output) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            if (killWatchdog)
            {
                if (watchdog is not { } pid)
                {
                    return "the run printed no watchdog pid";
                }

                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync();
            }

            await run.CrashAsync(); // SIGKILL: no chance to restore
            if (killWatchdog)
            {
                before = await LeftoversAsync(driver);
            }
        }

        if (killWatchdog && before.Count == 0)
        {
            return "nothing was in effect when the runner died: the kill point proves nothing";
        }

        if (!killWatchdog && watchdog is { } alive && !await ExitedWithinAsync(alive, Limit))
        {
            return $"the watchdog (pid {alive}) was still running {Limit} after the runner died";
        }

        var recover = await DrillProcess.RunAsync(_workspace.Path, Limit, "recover");
        if (recover.ExitCode != 0)
        {
            return $"recover exited {recover.ExitCode}: {recover.Output}";
        }

        if (!killWatchdog && watchdog is not null && !recover.Output.Contains("nothing to recover", StringComparison.Ordinal))
        {
            return $"the watchdog left work for `drill recover`: {recover.Output}";
        }

        var left = await LeftoversAsync(driver);
        if (left.Count > 0)
        {
            return $"left behind: {string.Join("; ", left)}";
        }

        var journal = new SqliteJournalStore(Path.Combine(_workspace.StateDirectory, "journal.db"));
        var latest = (await journal.FindRunsAsync(new RunQuery("leftovers", Limit: 1), CancellationToken.None)).Single();
        return latest.Status == RunStatus.Interrupted ? null : $"run {latest.Id} is {latest.Status}, expected Interrupted";
    }

    [GeneratedRegex(@"watchdog pid (\d+)")]
    private static partial Regex WatchdogPid();

    private static async Task<bool> ExitedWithinAsync(int pid, TimeSpan within)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (Processes.IsAlive(pid))
        {
            if (TimeProvider.System.GetElapsedTime(start) > within)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        return true;
    }

    private async Task<IReadOnlyList<string>> LeftoversAsync(IEnvironmentDriver driver)
    {
        var left = new List<string>();
        foreach (var service in new[] { "app", "lb" })
        {
            foreach (var instance in await driver.ListInstancesAsync(service, CancellationToken.None))
            {
                if (instance.ProcessId is { } pid)
                {
                    left.AddRange(await NamespaceProbe.LeftoversAsync(instance.Id, pid, service == "app" ? "/var/cache/shop" : null));
                }
            }
        }

        left.AddRange(NamespaceProbe.DelayProxies($"drillrunner:{_environment}:").Select(p => $"delay proxy pid {p}"));
        return left;
    }
}
