using DrillRunner.Testing;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// The restore-from-backup drill on the local driver against real etcd, Patroni, PostgreSQL and pgBackRest: the
/// database is destroyed and restored from the backup taken at env up; a restore that fails, and a runner killed
/// after the disaster or mid-restore, all end with the original data back and the cluster whole.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class RestoreDrillTests(DrEnvironment dr, ITestOutputHelper output) : IClassFixture<DrEnvironment>
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(6);

    private HaEnvironment Cluster => dr.Cluster;

    [DataTierFact]
    public async Task The_database_is_restored_from_backup_with_every_runbook_step_timed_and_rto_rpo_measured()
    {
        await Cluster.UpAsync();
        Assert.Contains("setup 'full backup'", Cluster.UpOutput, StringComparison.Ordinal);
        var before = await WriteOrderAsync("before-the-backup-drill");

        var (code, text) = await RunAsync("drills/restore-from-backup.yaml");

        Assert.True(code is 0 or 1, $"exit {code}:\n{text}");
        using var report = RunReport.From(text);
        Assert.InRange(Measurement(report, "recover", "rto"), 0.5, 180);
        // Only writes after the last archived segment may go (archive_timeout 5 s, a write every 200 ms).
        Assert.InRange(Measurement(report, "data-loss", "lost-writes"), 0, 40);
        Assert.InRange(Measurement(report, "data-loss", "rpo"), 0, 10);
        var steps = Steps(report);
        Assert.Equal(["forget-the-cluster", "restore", "start-the-database", "rebuild-the-replica", "check-the-application"], steps.Where(s => s.Runbook).Select(s => s.Name));
        Assert.All(steps.Where(s => s.Runbook), s => Assert.Equal("done", s.Outcome));
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), Cluster.RestPorts));
        Assert.True(await ReadOrderAsync(before), "an order written before the drill is readable after the restore");

        // The leadership roll-up's DR evidence: this environment, proven by this run, today.
        var (reportCode, leadership) = await DrillProcess.RunAsync(Cluster.Workspace.Path, TimeSpan.FromMinutes(1), "report", "--leadership", "--since", "1d");
        Assert.True(reportCode == 0, leadership);
        var row = leadership.Split('\n').Single(l => l.StartsWith($"| {Cluster.Workspace.Environment("demo-shop-dr")} |", StringComparison.Ordinal));
        Assert.Contains(report.Root.GetProperty("runId").GetString()!, row, StringComparison.Ordinal);
        Assert.Contains("| 0 |", row, StringComparison.Ordinal);
        Assert.Contains("fresh (within 30 days)", row, StringComparison.Ordinal);
    }

    [DataTierFact]
    public async Task A_restore_that_fails_stops_the_runbook_and_puts_the_original_data_back_with_every_canary_write()
    {
        await Cluster.UpAsync();
        var drill = File.ReadAllText(Path.Combine(Cluster.Workspace.Path, "drills", "restore-from-backup.yaml"))
            .Replace("command: [pgbackrest, restore]", "command: [pgbackrest, --stanza=no-such-stanza, restore]", StringComparison.Ordinal);
        Cluster.Workspace.Write("drills/restore-wrong-stanza.yaml", drill);

        var (code, text) = await RunAsync("drills/restore-wrong-stanza.yaml");

        Assert.True(code == 1, $"exit {code}:\n{text}");
        Assert.Contains("put the original data back", text, StringComparison.Ordinal);
        using var report = RunReport.From(text);
        var restore = Steps(report).Single(s => s.Name == "restore");
        Assert.Equal("failed", restore.Outcome);
        Assert.Contains("no-such-stanza", restore.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Steps(report), s => s.Name == "start-the-database");
        // The original data is back: every write the canary had acknowledged reads back.
        Assert.Equal(0, Measurement(report, "data-loss", "lost-writes"));
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), Cluster.RestPorts));
    }

    [DataTierFact]
    public async Task A_runbook_that_fails_after_its_restore_took_keeps_the_restored_cluster_and_the_originals()
    {
        // The restored cluster is up on a new timeline when the last step fails. Putting the originals back then left
        // a node that never became healthy (its timeline is not a child of the archive's newest): the restore stands,
        // the originals are kept for whoever wants the writes after the last archived WAL.
        await Cluster.UpAsync();
        var drill = File.ReadAllText(Path.Combine(Cluster.Workspace.Path, "drills", "restore-from-backup.yaml"))
            .Replace("command: [/usr/bin/python3, -c, \"import sys", "command: [/usr/bin/python3, -c, \"raise SystemExit('the check fails'); import sys", StringComparison.Ordinal);
        Assert.Contains("the check fails", drill, StringComparison.Ordinal);
        Cluster.Workspace.Write("drills/restore-failing-check.yaml", drill);
        var before = await WriteOrderAsync("before-the-failing-check-drill");

        var (code, text) = await RunAsync("drills/restore-failing-check.yaml");

        Assert.True(code == 1, $"exit {code}:\n{text}");
        using var report = RunReport.From(text);
        Assert.Equal("done", Steps(report).Single(s => s.Name == "start-the-database").Outcome);
        Assert.Equal("failed", Steps(report).Single(s => s.Name == "check-the-application").Outcome);
        Assert.Contains("but the restore had taken", text, StringComparison.Ordinal);
        Assert.Contains("originals kept, not put back", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RESTORE FAILED", text, StringComparison.Ordinal);
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), Cluster.RestPorts));
        Assert.True(await ReadOrderAsync(before), "an order written before the drill is readable from the restored cluster");
    }

    [DataTierFact]
    public async Task A_runner_killed_after_the_data_is_destroyed_is_recovered_with_the_data_back()
    {
        await Cluster.UpAsync();
        var before = await WriteOrderAsync("before-the-kill");
        using (var run = DrillProcess.Start(Cluster.Workspace.Path, "run", "drills/restore-from-backup.yaml", "--environment", Cluster.EnvironmentFile, "--driver", Cluster.Driver))
        {
            await run.WaitForOutputAsync("fault-injected  destroyed the data of db", TimeSpan.FromMinutes(2));
            await run.CrashAsync();
        }

        // The watchdog may be restoring already (it holds the lock): recover until nothing is left to it, so the
        // environment is free for the next test too.
        var (code, text) = await RecoverUntilDoneAsync();

        Assert.True(code == 0, $"recover exited {code}:\n{text}");
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), Cluster.RestPorts));
        Assert.True(await ReadOrderAsync(before), $"the order written before the disaster is back after recover:\n{text}");
    }

    [DataTierFact]
    public async Task A_runner_killed_mid_restore_is_recovered_with_the_data_back_and_no_restore_left_running()
    {
        await Cluster.UpAsync();
        var environment = Cluster.Workspace.Environment("demo-shop-dr");
        var before = await WriteOrderAsync("before-the-kill-mid-restore");
        using (var run = DrillProcess.Start(Cluster.Workspace.Path, "run", "drills/restore-from-backup.yaml", "--environment", Cluster.EnvironmentFile, "--driver", Cluster.Driver))
        {
            await run.WaitForOutputAsync("fault-injected  destroyed the data of db", TimeSpan.FromMinutes(2));
            var restoring = await WaitForRestoreAsync(environment, run);
            await run.CrashAsync();
            output.WriteLine($"killed the runner while {restoring} ran:\n{run.Output}");
        }

        // The watchdog may be restoring already (it holds the lock): recover until nothing is left to it.
        var (code, text) = await RecoverUntilDoneAsync();

        Assert.True(code == 0, $"recover exited {code}:\n{text}");
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), Cluster.RestPorts));
        Assert.True(await ReadOrderAsync(before), $"the order written before the disaster is back after recover:\n{text}");
        Assert.Empty(Leftovers.Running(environment, "pgbackrest", "restore"));
        // The original data went back in place of the half-restored folder: no copy is left set aside.
        Assert.Empty(Directory.EnumerateDirectories(Cluster.Workspace.StateDirectory, ".set-aside", SearchOption.AllDirectories).SelectMany(Directory.EnumerateFileSystemEntries));
        var (again, second) = await DrillProcess.RunAsync(Cluster.Workspace.Path, RunLimit, "recover");
        Assert.True(again == 0, $"a second recover exited {again}:\n{second}");
        Assert.Contains("nothing to recover", second, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output)> RunAsync(string drill)
    {
        var result = await DrillProcess.RunAsync(Cluster.Workspace.Path, RunLimit, "run", drill, "--environment", Cluster.EnvironmentFile, "--driver", Cluster.Driver);
        output.WriteLine(result.Output);
        return result;
    }

    // The runbook's `pgbackrest restore` running in a db node: the moment to kill the runner.
    private static async Task<string> WaitForRestoreAsync(string environment, DrillProcess run)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
        while (TimeProvider.System.GetUtcNow() < deadline && !run.Output.Contains("start-the-database", StringComparison.Ordinal))
        {
            // pgBackRest itself, not setpriv about to exec it: the restore is under way.
            if (Leftovers.Running(environment, "pgbackrest", "restore").FirstOrDefault(p => Path.GetFileName(p.Split(' ')[1]) == "pgbackrest") is { } restoring)
            {
                return restoring;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        throw new TimeoutException($"no `pgbackrest restore` of {environment} seen running; output:\n{run.Output}");
    }

    private Task<(int Code, string Output)> RecoverUntilDoneAsync() => Recovery.UntilDoneAsync(Cluster.Workspace.Path, RunLimit, output);

    private Task<string> WriteOrderAsync(string user) => ShopOrders.WriteAsync(dr.Shop, Cluster.RestPorts, user);

    private Task<bool> ReadOrderAsync(string id) => ShopOrders.ReadAsync(dr.Shop, id);

    private static double Measurement(RunReport report, string kind, string name) =>
        report.Objective(kind).GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    private static List<(string Name, bool Runbook, string Outcome, string Detail)> Steps(RunReport report) =>
        [.. report.Root.GetProperty("timeline").GetProperty("steps").EnumerateArray().Select(s => (
            s.GetProperty("step").GetString()!, s.GetProperty("runbook").GetBoolean(), s.GetProperty("outcome").GetString()!, s.GetProperty("detail").GetString()!))];
}
