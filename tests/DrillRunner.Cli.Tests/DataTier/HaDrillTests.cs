using System.Globalization;
using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// The database drills end to end on the local driver, against real etcd, Patroni and PostgreSQL run as their users:
/// RTO and RPO come from the canary's acknowledgements, and afterwards the cluster is whole again (one leader, a
/// replica streaming from it), whatever the drill or a killed runner left.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class HaDrillTests(HaEnvironment environment, ITestOutputHelper output) : IClassFixture<HaEnvironment>
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    [DataTierFact]
    public async Task Db_failover_measures_rto_and_rpo_from_the_canary_and_the_old_primary_rejoins_as_a_replica()
    {
        await environment.UpAsync();
        var primary = await PrimaryAsync();

        var (code, text) = await RunAsync("drills/db-failover.yaml");

        Assert.True(code is 0 or 1, $"exit {code}:\n{text}");
        using var report = RunReport.From(text);
        var rto = Measurement(report, "recover", "rto");
        Assert.InRange(rto, 0.5, 30); // the write path failed (a failover happened) and came back within the gate
        Assert.True(Measurement(report, "data-loss", "rpo") >= 0);
        Assert.True(Measurement(report, "data-loss", "lost-writes") >= 0);
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), environment.RestPorts));
        Assert.NotEqual(primary, await PrimaryAsync());
    }

    [DataTierFact]
    public async Task Lagging_replica_failover_loses_the_writes_of_the_stall_and_fails_its_data_loss_gate()
    {
        await environment.UpAsync();

        var (code, text) = await RunAsync("drills/db-failover-lagging-replica.yaml");

        Assert.True(code == 1, $"exit {code}:\n{text}");
        using var report = RunReport.From(text);
        Assert.False(report.Objective("data-loss").GetProperty("met").GetBoolean());

        // The primary dies 5 s into the stall: about 5 s of acknowledged canary writes are gone (interval 200 ms).
        Assert.InRange(Measurement(report, "data-loss", "rpo"), 3.0, 7.5);
        Assert.InRange(Measurement(report, "data-loss", "lost-writes"), 10, 40);
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), environment.RestPorts));
        Assert.Empty(StoppedProcesses());
    }

    [DataTierFact]
    public async Task A_runner_killed_while_the_wal_sender_is_paused_is_recovered_and_replication_resumes()
    {
        await environment.UpAsync();
        using (var run = DrillProcess.Start(environment.Workspace.Path, "run", "drills/db-failover-lagging-replica.yaml", "--environment", environment.EnvironmentFile, "--driver", environment.Driver))
        {
            await run.WaitForOutputAsync("fault-injected  paused", TimeSpan.FromMinutes(2));
            await run.CrashAsync(); // SIGKILL: the WAL sender stays stopped until someone recovers
        }

        Assert.NotEmpty(StoppedProcesses());
        // The run's watchdog may be resuming it already (holding the lock): recover until nothing is left alone.
        var (code, text) = await Recovery.UntilDoneAsync(environment.Workspace.Path, RunLimit, output);

        Assert.True(code == 0, $"recover exited {code}:\n{text}");
        Assert.Empty(StoppedProcesses());
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), environment.RestPorts));
    }

    private async Task<(int Code, string Output)> RunAsync(string drill)
    {
        var result = await DrillProcess.RunAsync(environment.Workspace.Path, RunLimit, "run", drill, "--environment", environment.EnvironmentFile, "--driver", environment.Driver);
        output.WriteLine(result.Output);
        return result;
    }

    private async Task<int> PrimaryAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        foreach (var port in environment.RestPorts)
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/primary"));
            if (response.IsSuccessStatusCode)
            {
                return port;
            }
        }

        return 0;
    }

    private static double Measurement(RunReport report, string kind, string name) =>
        report.Objective(kind).GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    private IReadOnlyList<string> StoppedProcesses() =>
        [.. Leftovers.Find(environment.Workspace.Path, environment.Workspace.Environment(environment.Name))
            .Where(p => ProcessState(int.Parse(p.Split(' ')[0], CultureInfo.InvariantCulture)) is 'T' or 't')];

    private static char? ProcessState(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
