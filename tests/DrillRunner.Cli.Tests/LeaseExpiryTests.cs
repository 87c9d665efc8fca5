using System.Net.Http.Headers;
using System.Text.Json;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// An app-level fault carries a lease: when the runner dies and nobody runs `drill recover`, the service
/// switches the fault off by itself once the lease runs out.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class LeaseExpiryTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Killing_the_runner_during_an_app_level_fault_leaves_the_service_healthy_within_the_lease()
    {
        _workspace.Write("drills/slow.yaml", """
            name: slow
            environment: demo-shop
            preflight: { window: 1s }
            probes:
              - { name: health, kind: http, url: "${endpoints.shop}/health", interval: 250ms }
            steps:
              - { name: slow-app, kind: error, at: 1s, service: app, percent: 100%, allowTotalOutage: true, status: 503, lease: 4s, duration: 5m }
            objectives:
              - { kind: recover, target: 30s }
            """);
        var up = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "up", "demo-shop", "--driver", "local");
        Assert.True(up.ExitCode == 0, up.Output);
        try
        {
            using (var run = DrillProcess.Start(_workspace.Path, "run", "drills/slow.yaml", "--driver", "local"))
            {
                await run.WaitForOutputAsync("fault-injected", Limit);
                Assert.Equal(503, await StatusOfProductsAsync());
                await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System); // renewals keep it on past one lease
                Assert.Equal(503, await StatusOfProductsAsync());
                await run.CrashAsync();
            }

            var killedAt = TimeProvider.System.GetTimestamp();
            var healed = false;
            while (!healed && TimeProvider.System.GetElapsedTime(killedAt) < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
                healed = await StatusOfProductsAsync() == 200 && await NoFaultsReportedAsync();
            }

            Assert.True(healed, "the fault was still active 10s after the runner died (lease 4s)");
            Assert.True(TimeProvider.System.GetElapsedTime(killedAt) < TimeSpan.FromSeconds(6), $"healed only after {TimeProvider.System.GetElapsedTime(killedAt)}");
        }
        finally
        {
            await DrillProcess.RunAsync(_workspace.Path, Limit, "recover");
            await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "down", "demo-shop", "--driver", "local");
        }
    }

    private async Task<int> StatusOfProductsAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_workspace.ShopPort}/products"));
        return (int)response.StatusCode;
    }

    private async Task<bool> NoFaultsReportedAsync()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "demo-shop-chaos-token");
        for (var port = _workspace.ShopPort + 1; port <= _workspace.ShopPort + 3; port++)
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/_chaos")));
            if (status.RootElement.GetProperty("faults").GetArrayLength() > 0)
            {
                return false;
            }
        }

        return true;
    }
}
