using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Engine.Halt;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Local;
using Microsoft.Data.Sqlite;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// `drill halt` on the machine: a running `drill run` stops injecting within a second and restores, new runs are refused
/// with the reason until `drill halt --release`, and both are in the state folder's audit log.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class HaltCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Drill_halt_stops_a_running_drill_within_a_second_and_refuses_new_runs_until_released()
    {
        _workspace.Write("drills/halted.yaml", """
            name: halted
            environment: demo-shop
            preflight: { window: 1s }
            probes:
              - { name: health, kind: http, url: "${endpoints.shop}/health", interval: 250ms }
            steps:
              - { name: kill-app, kind: kill, at: 1s, service: app, count: 1, duration: 5m }
            objectives:
              - { kind: recover, target: 30s }
            """);
        var up = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "up", "demo-shop", "--driver", "local");
        Assert.True(up.ExitCode == 0, up.Output);
        try
        {
            using (var run = DrillProcess.Start(_workspace.Path, "run", "drills/halted.yaml", "--driver", "local"))
            {
                await run.WaitForOutputAsync("fault-injected", Limit);
                var halt = await DrillProcess.RunAsync(_workspace.Path, Limit, "halt", "--reason", "incident in production");
                Assert.True(halt.ExitCode == 0, halt.Output);
                Assert.Contains("HALTED", halt.Output, StringComparison.Ordinal);
                Assert.Equal(1, await run.WaitAsync(Limit)); // aborted from outside: inconclusive, not a pass
                Assert.Contains("halt-all by cli:", run.Output, StringComparison.Ordinal);
            }

            var since = (await new FileHaltSwitch(_workspace.StateDirectory, TimeProvider.System).ReadAsync(default))!.Since;
            var journal = new SqliteJournalStore(Path.Combine(_workspace.StateDirectory, "journal.db"));
            var record = (await journal.FindRunsAsync(new RunQuery("halted", Limit: 1), default)).Single();
            Assert.Equal(RunStatus.Aborted, record.Status);
            var result = JsonDocument.Parse((await journal.GetResultJsonAsync(record.Id, default))!).RootElement;
            var restoreAt = result.GetProperty("timeline").GetProperty("events").EnumerateArray()
                .First(e => e.GetProperty("message").GetString() == "phase restore").GetProperty("at").GetDateTimeOffset();
            Assert.InRange(restoreAt - since, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            Assert.Equal(3, await RunningAppsAsync());

            var refused = await DrillProcess.RunAsync(_workspace.Path, Limit, "run", "drills/halted.yaml", "--driver", "local");
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("drills are halted by cli:", refused.Output, StringComparison.Ordinal);
            Assert.Contains("incident in production", refused.Output, StringComparison.Ordinal);
            Assert.Equal(4, (await DrillProcess.RunAsync(_workspace.Path, Limit, "halt", "--status")).ExitCode);

            Assert.Equal(0, (await DrillProcess.RunAsync(_workspace.Path, Limit, "halt", "--release")).ExitCode);
            Assert.Equal(0, (await DrillProcess.RunAsync(_workspace.Path, Limit, "halt", "--status")).ExitCode);
            Assert.Equal(["halt", "release-halt"], AuditedActions());
        }
        finally
        {
            await DrillProcess.RunAsync(_workspace.Path, Limit, "halt", "--release");
            await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "down", "demo-shop", "--driver", "local");
        }
    }

    private async Task<int> RunningAppsAsync()
    {
        var environment = EnvironmentLoader.Load(Path.Combine(_workspace.Path, "drills/environments/demo-shop.yaml"));
        await using var driver = new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.Combine(_workspace.StateDirectory, "local") }).Create(environment, TimeProvider.System);
        return (await driver.ListInstancesAsync("app", default)).Count(i => i.State == InstanceState.Running);
    }

    private List<string> AuditedActions()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_workspace.StateDirectory, "audit.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT action FROM audit ORDER BY id";
        using var reader = command.ExecuteReader();
        var actions = new List<string>();
        while (reader.Read())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }
}
