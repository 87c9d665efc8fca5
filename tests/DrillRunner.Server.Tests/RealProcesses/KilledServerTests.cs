using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Loading;
using DrillRunner.Local;
using DrillRunner.Server.Tests.Harness;
using DrillRunner.Testing;

namespace DrillRunner.Server.Tests.RealProcesses;

/// <summary>
/// The real thing: DemoShop instances under the local driver, <c>drill serve</c> as a process, a long kill fault,
/// SIGKILL of the server mid-fault: the run's watchdog restores the fault by itself, with no restart and no trigger,
/// and a server started afterwards shows the run interrupted.
/// </summary>
public sealed class KilledServerTests
{
    [Fact]
    public async Task A_run_of_a_killed_server_is_restored_by_its_watchdog_without_a_restart_and_shown_interrupted()
    {
        using var folder = new TempFolder();
        var port = FreePort.Next();
        var environmentName = "shop-" + Guid.NewGuid().ToString("N")[..6];
        var drills = Path.Combine(folder.Path, "drills");
        var state = Path.Combine(folder.Path, "state");
        folder.Write(Path.Combine("drills", "environments", environmentName + ".yaml"), $"""
            name: {environmentName}
            driver: local
            allowlist: [127.0.0.1]
            endpoints:
              first: http://127.0.0.1:{port}
            services:
              app:
                instances: 2
                port: {port}
                command: dotnet
                args: ["{Path.Combine(AppContext.BaseDirectory, "DemoShop.dll")}"]
                healthPath: /health
                settings:
                  ASPNETCORE_URLS: "http://127.0.0.1:{"{port}"}"
            """);
        folder.Write(Path.Combine("drills", "long-kill.yaml"), $"""
            name: long-kill
            environment: {environmentName}
            preflight:
              window: 1s
              timeout: 30s
            probes:
              - name: first
                kind: http
                url: ${"{endpoints.first}"}/health
                interval: 250ms
            steps:
              - name: kill-app
                kind: kill
                at: 1s
                service: app
                count: 1
                duration: 10m
            objectives:
              - kind: recover
                target: 30s
            """);

        var environment = EnvironmentLoader.Load(Path.Combine(drills, "environments", environmentName + ".yaml"));
        await using var driver = new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.Combine(state, "local"), StopGrace = TimeSpan.FromSeconds(2) })
            .Create(environment, TimeProvider.System);
        try
        {
            await driver.UpAsync(new Progress<string>(), CancellationToken.None);
            Assert.Equal(2, await RunningAsync(driver));

            string runId;
            using (var first = await ServeProcess.StartAsync(folder.Path, drills, state))
            {
                using var client = first.Client();
                using var trigger = await client.PostAsJsonAsync("/api/drills/long-kill/runs", new { reason = "crash test" });
                Assert.True(trigger.IsSuccessStatusCode, await trigger.Content.ReadAsStringAsync());
                runId = (await trigger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                await EventuallyAsync(async () => (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("live") is { ValueKind: JsonValueKind.Object } live
                    && live.GetProperty("activeFaults").GetArrayLength() == 1, first);

                first.KillHard();
            }

            // Nobody runs anything: the run's watchdog restores the fault well within its lease (60s).
            var killedAt = TimeProvider.System.GetTimestamp();
            while (await RunningAsync(driver) != 2 && TimeProvider.System.GetElapsedTime(killedAt) < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            }

            Assert.True(await RunningAsync(driver) == 2, $"the fault was still active {TimeProvider.System.GetElapsedTime(killedAt)} after the server died");

            using var second = await ServeProcess.StartAsync(folder.Path, drills, state);
            using var secondClient = second.Client();
            var run = (await secondClient.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("run");
            Assert.Equal("interrupted", run.GetProperty("status").GetString());
            Assert.Equal(2, await RunningAsync(driver));
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), TimeProvider.System);
            await driver.DownAsync(new Progress<string>(), timeout.Token);
        }
    }

    private static async Task<int> RunningAsync(IEnvironmentDriver driver) =>
        (await driver.ListInstancesAsync("app", CancellationToken.None)).Count(i => i.State == InstanceState.Running);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, ServeProcess serve)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.Fail("the fault was not active within 30s; server output:\n" + serve.Output);
    }
}
