using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// The failover drill on Docker: the database image built locally from Debian's packages, Patroni and PostgreSQL as
/// the postgres user inside it, on host networking; afterwards the cluster is whole and `env down` removes every container.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class HaDockerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly HaEnvironment _environment = new() { Driver = "docker" };

    public Task InitializeAsync() => _environment.InitializeAsync();

    public Task DisposeAsync() => _environment.DisposeAsync();

    [DockerFact]
    public async Task Db_failover_on_docker_measures_the_canary_runs_postgres_as_its_user_and_env_down_removes_the_containers()
    {
        await _environment.UpAsync();
        var name = _environment.Workspace.Environment();
        Assert.Equal("postgres", await DockerCli.RunAsync("inspect", "-f", "{{.Config.User}}", $"{name}-db-1"));
        Assert.Equal("postgres", await DockerCli.RunAsync("exec", $"{name}-db-1", "id", "-un"));
        var uid = await DockerCli.RunAsync("exec", $"{name}-db-1", "id", "-u");
        var patroni = (await DockerCli.RunAsync("top", $"{name}-db-1", "-eo", "uid,pid,args")).Split('\n').Where(l => l.Contains("patroni", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(patroni);
        Assert.All(patroni, line => Assert.StartsWith(uid + " ", line.Trim(), StringComparison.Ordinal));

        var (code, text) = await DrillProcess.RunAsync(
            _environment.Workspace.Path, TimeSpan.FromMinutes(5), "run", "drills/db-failover.yaml", "--environment", _environment.EnvironmentFile, "--driver", "docker");
        output.WriteLine(text);

        Assert.True(code is 0 or 1, $"exit {code}:\n{text}");
        using (var report = RunReport.From(text))
        {
            var rto = report.Objective("recover").GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "rto");
            Assert.InRange(rto.GetProperty("value").GetDouble(), 0.5, 30);
            Assert.Contains(report.Objective("data-loss").GetProperty("measurements").EnumerateArray(), m => m.GetProperty("name").GetString() == "rpo");
        }

        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), _environment.RestPorts));
        output.WriteLine(await _environment.DownAsync());
        Assert.Equal("", await DockerCli.RunAsync("ps", "-aq", "--filter", $"name={name}-"));
    }
}
