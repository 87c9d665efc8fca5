using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Local;
using DrillRunner.Model;
using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// Kill the runner, test the promise: `drill run` is SIGKILLed at many points of a drill that kills, pauses,
/// slows, misconfigures (live and by restart) and scales DemoShop; the run's watchdog (and `drill recover` for a
/// runner killed before its watchdog was armed) must then leave every process running and healthy with its original
/// configuration, no app-level fault or override active, and the run recorded as interrupted.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const string Token = "demo-shop-chaos-token";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public Task Local_processes_are_restored_after_the_runner_is_killed_at_every_point() => KillAtEveryPointAsync("local");

    [DockerFact]
    public Task Docker_containers_are_restored_after_the_runner_is_killed_at_every_point() => KillAtEveryPointAsync("docker");

    private async Task KillAtEveryPointAsync(string driverName)
    {
        // On the shared engine, a name of its own; local processes belong to the workspace's state folder anyway.
        var environmentName = driverName == "docker" ? _workspace.WriteUniqueEnvironment() : "demo-shop";
        _workspace.Write("drills/crash-safety.yaml", KillPoints.Drill.Replace("environment: demo-shop", $"environment: {environmentName}", StringComparison.Ordinal));
        var environment = EnvironmentLoader.Load(Path.Combine(_workspace.Path, $"drills/environments/{environmentName}.yaml"));
        IDriverFactory factory = driverName == "docker"
            ? new DockerDriverFactory()
            : new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.Combine(_workspace.StateDirectory, "local") });
        await using var driver = factory.Create(environment, TimeProvider.System);
        var up = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(5), "env", "up", environmentName, "--driver", driverName);
        Assert.True(up.ExitCode == 0, up.Output);
        var failures = new List<string>();
        try
        {
            foreach (var (name, waitAsync) in KillPoints.All)
            {
                var problem = await KillAndRecoverAsync(name, waitAsync, driver, driverName, environment);
                output.WriteLine($"{driverName} kill point {name,-30} {(problem is null ? "restored" : "FAILED: " + problem)}");
                if (problem is not null)
                {
                    failures.Add($"{name}: {problem}");
                }
            }
        }
        finally
        {
            await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "down", environmentName, "--driver", driverName);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(KillPoints.All.Count >= 20);
    }

    private async Task<string?> KillAndRecoverAsync(string name, Func<DrillProcess, Task> waitAsync, IEnvironmentDriver driver, string driverName, EnvironmentSpec environment)
    {
        int? watchdog;
        using (var run = DrillProcess.Start(_workspace.Path, "run", "drills/crash-safety.yaml", "--driver", driverName))
        {
            await waitAsync(run);
            if (run.Output.Contains("report:", StringComparison.Ordinal))
            {
                return "the run had already finished: the kill point is too late";
            }

            await run.CrashAsync(); // SIGKILL: no chance to restore
            watchdog = WatchdogPid().Match(run.Output) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }

        // The run's watchdog restores it by itself; `drill recover` then finds nothing left (it still covers a runner
        // killed before its watchdog was armed).
        if (watchdog is { } pid && !await ExitedWithinAsync(pid, Limit))
        {
            return $"the watchdog (pid {pid}) was still running {Limit} after the runner died";
        }

        var recover = await DrillProcess.RunAsync(_workspace.Path, Limit, "recover");
        if (recover.ExitCode != 0)
        {
            return $"recover exited {recover.ExitCode}: {recover.Output}";
        }

        if (watchdog is not null && !recover.Output.Contains("nothing to recover", StringComparison.Ordinal))
        {
            return $"the watchdog left work for `drill recover`: {recover.Output}";
        }

        // On Docker the demo runs on a bridge: its settings say 0.0.0.0 and the app service's name where processes say 127.0.0.1.
        var network = driverName == "docker" ? InstanceNetwork.Bridge : InstanceNetwork.Loopback;
        return await CheckRestoredAsync(driver, environment, network) ?? await CheckJournalAsync();
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

    private static async Task<string?> CheckRestoredAsync(IEnvironmentDriver driver, EnvironmentSpec environment, InstanceNetwork network)
    {
        var apps = await driver.ListInstancesAsync("app", CancellationToken.None);
        var lbs = await driver.ListInstancesAsync("lb", CancellationToken.None);
        if (apps.Count != 3 || lbs.Count != 1)
        {
            return $"expected 3 app and 1 lb instances, found {apps.Count} and {lbs.Count}";
        }

        foreach (var instance in apps.Concat(lbs))
        {
            var info = await driver.GetInstanceAsync(instance.Id, CancellationToken.None);
            if (info.State != InstanceState.Running || info.Health != InstanceHealth.Healthy)
            {
                return $"{info.Id} is {info.State}/{info.Health}";
            }

            var original = InstanceSettings.For(environment, environment.Services[info.Service], int.Parse(info.Id[^1..], CultureInfo.InvariantCulture), network: network);
            var changed = original.Where(p => info.Settings.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToList();
            if (changed.Count > 0)
            {
                return $"{info.Id} settings differ from the environment file: {string.Join(", ", changed)}";
            }
        }

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        foreach (var app in apps)
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri(app.Endpoint!, "/_chaos")));
            if (status.RootElement.GetProperty("faults").GetArrayLength() > 0 || status.RootElement.GetProperty("settings").EnumerateObject().Any())
            {
                return $"{app.Id} still has app-level faults or overrides: {status.RootElement}";
            }
        }

        return null;
    }

    private async Task<string?> CheckJournalAsync()
    {
        var journal = new SqliteJournalStore(Path.Combine(_workspace.StateDirectory, "journal.db"));
        var runs = await journal.FindRunsAsync(new RunQuery("crash-safety", Limit: 1), CancellationToken.None);
        var latest = runs.Count == 0 ? null : runs[0];
        if (latest is null)
        {
            return null; // killed before the run was recorded: nothing had been changed
        }

        if (latest.Status != RunStatus.Interrupted)
        {
            return $"run {latest.Id} is {latest.Status}, expected Interrupted";
        }

        var events = await journal.GetEventsAsync(latest.Id, CancellationToken.None);
        return events.Any(e => e.Message.StartsWith("crash recovery finished", StringComparison.Ordinal)) ? null : "no crash recovery events recorded";
    }
}
