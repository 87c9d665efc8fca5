using System.Globalization;
using DemoShop.Tests.Orders;
using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Objectives.DataLoss;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using DrillRunner.Testing.Postgres;
using DrillRunner.Timeline;

namespace DemoShop.Tests.Canary;

/// <summary>
/// A drill's canary writing orders through a real DemoShop instance into real PostgreSQL; rows of acknowledged
/// canaries are deleted with SQL behind the probe's back, and the data-loss objective must name exactly those.
/// </summary>
public sealed class CanaryOverPostgresTests : IDisposable
{
    private static readonly long[] Deleted = [3, 4, 7];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [PostgresFact]
    public async Task Rows_deleted_behind_the_canarys_back_are_reported_as_exactly_those_lost_writes()
    {
        await using var db = await ShopDatabase.CreateAsync();
        await using var shop = await ShopServer.StartAsync(db.Settings());
        var environment = "canary-pg-" + Guid.NewGuid().ToString("N")[..8];
        _folder.Write($"environments/{environment}.yaml", $"""
            name: {environment}
            driver: local
            allowlist: [127.0.0.1]
            endpoints:
              shop: {shop.BaseAddress.ToString().TrimEnd('/')}
            """);
        var steps = "  - name: lose-acknowledged-orders\n    kind: wait-for-ack\n    at: 500ms\n    prompt: delete some canary orders\n    timeout: 30s\n";
        var objectives = "  - kind: data-loss\n    rpo: 30s\n    maxLostWrites: 0\n";
        var drillFile = _folder.Write("drill.yaml", CanaryDrills.Drill(CanaryDrills.Probe(interval: "100ms"), steps, objectives, environment));
        var drill = new DrillLoader(TestCatalog.Create()).Load(drillFile);
        var driver = new FakeDriver(drill.Environment);
        var journal = new SqliteJournalStore(Path.Combine(_folder.Path, "journal.db"));
        var engine = new DrillEngine(TestCatalog.Create(), journal, new FileEnvironmentLock(Path.Combine(_folder.Path, "locks")), TimeProvider.System);

        var result = await engine.RunAsync(drill, driver, new RunRequest { Trigger = "test", Operator = new DeleteCanaryRows(db, Deleted) }, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, result.Status);
        var findings = DataLossAnalysis.Analyze(result.Timeline, "orders-canary");
        Assert.True(findings.IsKnown, string.Join("; ", findings.Unknown));
        Assert.Equal(Deleted, findings.Lost.Select(l => l.Sequence));
        Assert.All(findings.Lost, l => Assert.Equal(CanaryOutcome.Missing, l.Outcome));
        var dataLoss = result.Score!.Objectives.Single(o => o.Kind == "data-loss");
        Assert.False(dataLoss.Met);
        Assert.Equal(3, dataLoss.Find("lost-writes")!.Value);
        var acks = result.Timeline.CanaryAcks.ToDictionary(a => a.Sequence);
        Assert.Equal(acks[7].AckAt - acks[6].AckAt, dataLoss.Find("rpo")!.AsDuration());
        // Every other acknowledged order is still in the table, and was found there. (The table may hold one more
        // canary: a write in flight when the probes stopped commits without its acknowledgement reaching the runner.)
        var ids = string.Join(", ", acks.Values.Select(a => $"'{a.Id}'"));
        Assert.Equal(acks.Count - Deleted.Length, await db.ScalarAsync<long>($"SELECT count(*) FROM shop_orders WHERE id IN ({ids})"));
        Assert.Equal(acks.Count - Deleted.Length, findings.Survived);
    }

    /// <summary>The "operator" of the drill's wait-for-ack step: once enough canaries are stored, deletes some with SQL.</summary>
    private sealed class DeleteCanaryRows(ShopDatabase db, long[] sequences) : IOperatorChannel
    {
        public async Task<string> WaitForAcknowledgementAsync(string runId, string step, string prompt, CancellationToken cancellationToken)
        {
            var marker = $"canary-{runId}-";
            var newest = sequences.Max().ToString(CultureInfo.InvariantCulture);
            while (await db.ScalarAsync<long>($"SELECT count(*) FROM shop_orders WHERE user_id = '{marker}{newest}'") == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
            }

            var users = string.Join(", ", sequences.Select(s => $"'{marker}{s.ToString(CultureInfo.InvariantCulture)}'"));
            var deleted = await db.ExecuteAsync($"DELETE FROM shop_orders WHERE user_id IN ({users})");
            Assert.Equal(sequences.Length, deleted);
            return "sql";
        }
    }
}
