using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// demo-shop-ha-sync: with synchronous replication the lagging-replica drill loses no acknowledged write. Then
/// `env down` must leave no etcd, Patroni or PostgreSQL process and no data folder behind.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class HaSyncAndDownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly HaEnvironment _environment = new() { Name = "demo-shop-ha-sync" };

    public Task InitializeAsync() => _environment.InitializeAsync();

    public Task DisposeAsync() => _environment.DisposeAsync();

    [DataTierFact]
    public async Task With_synchronous_replication_the_lagging_replica_drill_loses_nothing_and_env_down_leaves_nothing()
    {
        await _environment.UpAsync();

        var (code, text) = await DrillProcess.RunAsync(
            _environment.Workspace.Path, TimeSpan.FromMinutes(5), "run", "drills/db-failover-lagging-replica.yaml", "--environment", _environment.EnvironmentFile, "--driver", "local");
        output.WriteLine(text);

        Assert.True(code is 0 or 1, $"exit {code}:\n{text}");
        using (var report = RunReport.From(text))
        {
            var loss = report.Objective("data-loss");
            Assert.True(loss.GetProperty("met").GetBoolean(), loss.ToString());
            Assert.All(loss.GetProperty("measurements").EnumerateArray().Where(m => m.GetProperty("name").GetString() is "rpo" or "lost-writes"), m => Assert.Equal(0, m.GetProperty("value").GetDouble()));
        }

        var data = Path.Combine(_environment.Workspace.StateDirectory, "local", _environment.Workspace.Environment(_environment.Name), "data");
        Assert.True(Directory.Exists(data));
        output.WriteLine(await _environment.DownAsync());

        Assert.Empty(Leftovers.Find(_environment.Workspace.Path, _environment.Workspace.Environment(_environment.Name)));
        Assert.False(Directory.Exists(data));
    }
}
