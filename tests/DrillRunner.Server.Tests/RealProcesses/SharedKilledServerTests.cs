using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Loading;
using DrillRunner.Local;
using DrillRunner.Server.Tests.Harness;
using DrillRunner.Testing;

namespace DrillRunner.Server.Tests.RealProcesses;

/// <summary>
/// Two real <c>drill serve</c> processes on one PostgreSQL database and one DemoShop environment (local driver): the
/// runner executing a long kill fault is SIGKILLed, nothing is triggered or restarted, and the other runner's sweep
/// restores the fault within 60 seconds and marks the run interrupted.
/// </summary>
public sealed class SharedKilledServerTests
{
    [PostgresFact]
    public async Task The_other_runner_restores_the_fault_of_a_killed_runner_within_a_minute_without_a_trigger()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var folder = new TempFolder();
        var port = FreePort.Next();
        var environmentName = "shared-" + Guid.NewGuid().ToString("N")[..6];
        var drills = Path.Combine(folder.Path, "drills");
        var state = Path.Combine(folder.Path, "state");
        folder.Write(Path.Combine("drills", "environments", environmentName + ".yaml"), $$"""
            name: {{environmentName}}
            driver: local
            allowlist: [127.0.0.1]
            endpoints:
              first: http://127.0.0.1:{{port}}
            services:
              app:
                instances: 2
                port: {{port}}
                command: dotnet
                args: ["{{Path.Combine(AppContext.BaseDirectory, "DemoShop.dll")}}"]
                healthPath: /health
                settings:
                  ASPNETCORE_URLS: "http://127.0.0.1:{port}"
            """);
        folder.Write(Path.Combine("drills", "long-kill.yaml"), $$"""
            name: long-kill
            environment: {{environmentName}}
            preflight: { window: 1s, timeout: 30s }
            probes:
              - { name: first, kind: http, url: "${endpoints.first}/health", interval: 250ms }
            steps:
              - { name: kill-app, kind: kill, at: 1s, service: app, count: 1, duration: 10m }
            objectives:
              - { kind: recover, target: 30s }
            """);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DrillRunner__Storage"] = "PostgreSql",
            ["DrillRunner__PostgreSql__ConnectionString"] = database.ConnectionString,
            ["DrillRunner__Workers"] = "1",
        };
        var environment = EnvironmentLoader.Load(Path.Combine(drills, "environments", environmentName + ".yaml"));
        await using var driver = new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.Combine(state, "local"), StopGrace = TimeSpan.FromSeconds(2) })
            .Create(environment, TimeProvider.System);
        try
        {
            await driver.UpAsync(new Progress<string>(), CancellationToken.None);
            using var a = await ServeProcess.StartAsync(folder.Path, drills, state, settings: settings);
            using var b = await ServeProcess.StartAsync(folder.Path, drills, state, settings: settings);
            using var client = a.Client();
            using var trigger = await client.PostAsJsonAsync("/api/drills/long-kill/runs", new { reason = "kill the runner" });
            Assert.True(trigger.IsSuccessStatusCode, await trigger.Content.ReadAsStringAsync());
            var runId = (await trigger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            var executing = await ExecutingAsync(runId, a, b);
            var survivor = ReferenceEquals(executing, a) ? b : a;
            for (var i = 0; i < 100 && await RunningAsync(driver) != 1; i++)
            {
                // The fault shows as active from its journal entry on; the kill itself follows.
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            }

            Assert.Equal(1, await RunningAsync(driver));
            executing.KillHard();

            var killedAt = TimeProvider.System.GetTimestamp();
            using var onSurvivor = survivor.Client();
            string? status = null;
            while (TimeProvider.System.GetElapsedTime(killedAt) < TimeSpan.FromSeconds(60) && (status != "interrupted" || await RunningAsync(driver) != 2))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
                status = (await onSurvivor.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("run").GetProperty("status").GetString();
            }

            Assert.True(status == "interrupted" && await RunningAsync(driver) == 2,
                $"{TimeProvider.System.GetElapsedTime(killedAt)} after the kill: run {status}, {await RunningAsync(driver)} of 2 running; survivor output:\n{survivor.Output}");
            Assert.Contains("sweep: run", survivor.Output, StringComparison.Ordinal);
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), TimeProvider.System);
            await driver.DownAsync(new Progress<string>(), timeout.Token);
        }
    }

    private static async Task<ServeProcess> ExecutingAsync(string runId, params ServeProcess[] servers)
    {
        for (var i = 0; i < 300; i++)
        {
            foreach (var server in servers)
            {
                using var client = server.Client();
                if ((await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("live") is { ValueKind: JsonValueKind.Object } live
                    && live.GetProperty("activeFaults").GetArrayLength() == 1)
                {
                    return server;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException($"no runner showed run {runId} with its fault active within 30s");
    }

    private static async Task<int> RunningAsync(IEnvironmentDriver driver) =>
        (await driver.ListInstancesAsync("app", CancellationToken.None)).Count(i => i.State == InstanceState.Running);
}
