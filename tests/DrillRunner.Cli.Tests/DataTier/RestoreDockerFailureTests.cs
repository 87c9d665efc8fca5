using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// A runbook that does not finish on Docker: the runner SIGKILLed while `pgbackrest restore` runs in its one-off
/// container (`drill recover` removes that container, puts the original data back inside the volume, starts the
/// cluster, and the order written before the disaster reads back), and a restore that fails (wrong stanza).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class RestoreDockerFailureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(6);
    private readonly HaEnvironment _environment = new() { Name = "demo-shop-dr", Driver = "docker" };

    private Uri Shop => new($"http://127.0.0.1:{_environment.Workspace.PortBlock + 80}");

    public Task InitializeAsync() => _environment.InitializeAsync();

    public Task DisposeAsync() => _environment.DisposeAsync();

    [DockerFact]
    public async Task On_docker_a_runner_killed_mid_restore_is_recovered_with_the_data_back_and_no_restore_container_left()
    {
        await _environment.UpAsync();
        var node = $"{_environment.Workspace.Environment("demo-shop-dr")}-db-1";
        var before = await ShopOrders.WriteAsync(Shop, _environment.RestPorts, "before-the-kill-on-docker");
        using (var run = DrillProcess.Start(_environment.Workspace.Path, "run", "drills/restore-from-backup.yaml", "--environment", _environment.EnvironmentFile, "--driver", "docker"))
        {
            await run.WaitForOutputAsync("fault-injected  destroyed the data of db", TimeSpan.FromMinutes(2));
            var restoring = await WaitForRestoreAsync(node, run);
            await run.CrashAsync();
            output.WriteLine($"killed the runner while {restoring} ran:\n{run.Output}");
        }

        var (code, text) = await Recovery.UntilDoneAsync(_environment.Workspace.Path, RunLimit, output);

        Assert.True(code == 0, $"recover exited {code}:\n{text}");
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), _environment.RestPorts));
        Assert.True(await ShopOrders.ReadAsync(Shop, before), $"the order written before the disaster is back after recover:\n{text}");
        Assert.Equal("", await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=com.drillrunner.helper-of={node}"));
        // The original went back in place of the half-restored folder: nothing is left set aside.
        Assert.Equal("", await DockerCli.RunAsync("run", "--rm", "--network", "none", "-v", $"{node}-data:/v", "--entrypoint", "/bin/sh", "drillrunner/dr-db-backup", "-c", "ls -A /v/.set-aside/*"));
    }

    [DockerFact]
    public async Task On_docker_a_restore_that_fails_puts_the_original_data_back_from_the_volume_with_every_canary_write()
    {
        await _environment.UpAsync();
        var drill = File.ReadAllText(Path.Combine(_environment.Workspace.Path, "drills", "restore-from-backup.yaml"))
            .Replace("command: [pgbackrest, restore]", "command: [pgbackrest, --stanza=no-such-stanza, restore]", StringComparison.Ordinal);
        _environment.Workspace.Write("drills/restore-wrong-stanza.yaml", drill);

        var (code, text) = await DrillProcess.RunAsync(
            _environment.Workspace.Path, RunLimit, "run", "drills/restore-wrong-stanza.yaml", "--environment", _environment.EnvironmentFile, "--driver", "docker");
        output.WriteLine(text);

        Assert.True(code == 1, $"exit {code}:\n{text}");
        Assert.Contains("put the original data back", text, StringComparison.Ordinal);
        using var report = RunReport.From(text);
        var lost = report.Objective("data-loss").GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "lost-writes");
        Assert.Equal(0, lost.GetProperty("value").GetDouble());
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), _environment.RestPorts));
    }

    // The one-off container running `pgbackrest restore` for the stopped first node: the moment to kill the runner.
    private static async Task<string> WaitForRestoreAsync(string node, DrillProcess run)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
        while (TimeProvider.System.GetUtcNow() < deadline && !run.Output.Contains("start-the-database", StringComparison.Ordinal))
        {
            var running = await DockerCli.RunAsync("ps", "--filter", $"label=com.drillrunner.helper-of={node}", "--format", "{{.Names}} {{.Command}}");
            if (running.Split('\n').FirstOrDefault(l => l.Contains("pgbackrest", StringComparison.Ordinal)) is { } restoring)
            {
                return restoring;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        throw new TimeoutException($"no `pgbackrest restore` container of {node} seen running; output:\n{run.Output}");
    }
}
