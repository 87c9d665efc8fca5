using System.Text;
using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Loading;
using DrillRunner.Local;
using DrillRunner.Testing;
using DrillRunner.Testing.Servers;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// drills/web-tier-misconfig.yaml on the shipped web tier (Debian's nginx in front of DemoShop): the runner is
/// SIGKILLed after nginx.conf was edited and reloaded; <c>drill recover</c> must put back the exact original bytes
/// and nginx must serve the shop again. Then a whole run, undone by the runner itself, ends with the same bytes.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class WebTierMisconfigTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [ServerFact]
    public Task Local_nginx_config_is_restored_byte_for_byte_after_the_runner_is_killed_mid_fault() => KillAndRecoverAsync("local");

    [DockerFact]
    public Task Docker_nginx_config_is_restored_byte_for_byte_after_the_runner_is_killed_mid_fault() => KillAndRecoverAsync("docker");

    private async Task KillAndRecoverAsync(string driverName)
    {
        var environment = EnvironmentLoader.Load(System.IO.Path.Combine(_workspace.Path, "drills/environments/web-tier.yaml"));
        IDriverFactory factory = driverName == "docker"
            ? new DockerDriverFactory()
            : new LocalDriverFactory(new LocalDriverOptions { StateRoot = System.IO.Path.Combine(_workspace.StateDirectory, "local") });
        await using var driver = factory.Create(environment, TimeProvider.System);
        var up = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(5), "env", "up", "web-tier", "--driver", driverName);
        Assert.True(up.ExitCode == 0, up.Output);
        try
        {
            var lb = Assert.Single(await driver.ListInstancesAsync("lb", CancellationToken.None)).Id;
            var original = await ReadConfigAsync(driver, lb);

            using (var run = DrillProcess.Start(_workspace.Path, "run", "drills/web-tier-misconfig.yaml", "--driver", driverName))
            {
                await run.WaitForOutputAsync("fault-injected  misconfigure lb", Limit);
                Assert.Contains("    worker_connections 16;\n", Encoding.UTF8.GetString(await ReadConfigAsync(driver, lb)), StringComparison.Ordinal);
                await run.CrashAsync();
            }

            // The run's watchdog restores by itself within about a second of the kill, and may still hold the
            // environment while `drill recover` runs (then recover leaves the run to it): wait for either, bounded.
            var recover = await DrillProcess.RunAsync(_workspace.Path, Limit, "recover");
            Assert.True(recover.ExitCode == 0, recover.Output);
            Assert.True(await RestoredWithinAsync(driver, lb, original, TimeSpan.FromSeconds(60)), $"nginx.conf is not the original 60 s after the kill; recover said:\n{recover.Output}");
            // Until the watchdog has finished (released the environment), recover leaves the run to it.
            var start = TimeProvider.System.GetTimestamp();
            while (recover.Output.Contains("left alone", StringComparison.Ordinal) && TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
                recover = await DrillProcess.RunAsync(_workspace.Path, Limit, "recover");
            }

            Assert.True(recover.ExitCode == 0 && !recover.Output.Contains("left alone", StringComparison.Ordinal), recover.Output);
            await AssertServesAsync();

            var full = await DrillProcess.RunAsync(_workspace.Path, Limit, "run", "drills/web-tier-misconfig.yaml", "--driver", driverName);
            Assert.Contains("put back (sha256", full.Output, StringComparison.Ordinal);
            Assert.Contains("missed availability", full.Output, StringComparison.Ordinal); // the surge finds the low limit
            Assert.Equal(original, await ReadConfigAsync(driver, lb));
            await AssertServesAsync();
        }
        finally
        {
            await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "down", "web-tier", "--driver", driverName);
        }
    }

    private static async Task<bool> RestoredWithinAsync(IEnvironmentDriver driver, string instance, byte[] original, TimeSpan limit)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!(await ReadConfigAsync(driver, instance)).AsSpan().SequenceEqual(original))
        {
            if (TimeProvider.System.GetElapsedTime(start) > limit)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
        }

        return true;
    }

    private static async Task<byte[]> ReadConfigAsync(IEnvironmentDriver driver, string instance)
    {
        var files = driver.Require<IFileAccess>();
        return await files.ReadFileAsync(instance, files.ResolvePath(instance, "nginx.conf"), 1 << 20, CancellationToken.None)
            ?? throw new InvalidOperationException($"nginx.conf of {instance} is missing");
    }

    private async Task AssertServesAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_workspace.ShopPort}/products"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
