using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// The restore-from-backup drill on Docker: the same environment and drill files as on the local driver, the database
/// image built locally from Debian's packages; each node's data in a volume of its own, the pgBackRest repository in
/// the db service's shared volume. The disaster sets the data aside inside the volumes, the runbook restores into the
/// stopped first node (a one-off container of its image and volumes), and `env down` removes containers and volumes.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class RestoreDockerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly HaEnvironment _environment = new() { Name = "demo-shop-dr", Driver = "docker" };

    public Task InitializeAsync() => _environment.InitializeAsync();

    public Task DisposeAsync() => _environment.DisposeAsync();

    [DockerFact]
    public async Task On_docker_the_database_is_restored_from_backup_with_the_runbook_timed_and_env_down_removes_the_volumes()
    {
        await _environment.UpAsync();
        Assert.Contains("setup 'full backup'", _environment.UpOutput, StringComparison.Ordinal);
        var name = _environment.Workspace.Environment("demo-shop-dr");

        var (code, text) = await DrillProcess.RunAsync(
            _environment.Workspace.Path, TimeSpan.FromMinutes(6), "run", "drills/restore-from-backup.yaml", "--environment", _environment.EnvironmentFile, "--driver", "docker");
        output.WriteLine(text);

        Assert.True(code is 0 or 1, $"exit {code}:\n{text}");
        using (var report = RunReport.From(text))
        {
            Assert.InRange(Measurement(report, "recover", "rto"), 0.5, 180);
            Assert.InRange(Measurement(report, "data-loss", "lost-writes"), 0, 40);
            var runbook = report.Root.GetProperty("timeline").GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("runbook").GetBoolean()).ToList();
            Assert.Equal(["forget-the-cluster", "restore", "start-the-database", "rebuild-the-replica", "check-the-application"], runbook.Select(s => s.GetProperty("step").GetString()));
            Assert.All(runbook, s => Assert.Equal("done", s.GetProperty("outcome").GetString()));
        }

        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), _environment.RestPorts));
        // The runbook restored: the copies set aside are removed, no helper container is left.
        Assert.Equal("", await DockerCli.RunAsync("run", "--rm", "--network", "none", "-v", $"{name}-db-1-data:/v", "--entrypoint", "/bin/sh", "drillrunner/dr-db-backup", "-c", "ls -A /v/.set-aside/*"));
        Assert.Equal("", await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=com.drillrunner.helper-of={name}-db-1"));

        output.WriteLine(await _environment.DownAsync());
        Assert.Equal("", await DockerCli.RunAsync("ps", "-aq", "--filter", $"name={name}-"));
        Assert.Equal("", await DockerCli.RunAsync("volume", "ls", "-q", "--filter", $"label=com.drillrunner.env={name}"));
    }

    private static double Measurement(RunReport report, string kind, string name) =>
        report.Objective(kind).GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();
}
