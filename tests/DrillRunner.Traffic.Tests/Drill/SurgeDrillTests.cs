using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Reports;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;
using DrillRunner.Traffic.Drill;
using DrillRunner.Traffic.Tests.Support;

namespace DrillRunner.Traffic.Tests.Drill;

/// <summary>A whole drill through the real engine: fake driver and journal in a temp folder, real HTTP traffic.</summary>
/// <remarks>
/// The latency bound is loose on purpose: this test checks that traffic reaches the timeline and the objectives are
/// scored from it, not how fast a shared 2-core CI machine answers (a 768 ms p99 was seen there under load).
/// How latency is measured and scored is covered by StallLatencyTests and ObjectiveTests.
/// </remarks>
public sealed class SurgeDrillTests
{
    [Fact]
    public async Task Surge_drill_runs_end_to_end_with_traffic_in_the_timeline_and_objectives_scored()
    {
        await using var server = await TestServer.StartOkAsync();
        using var folder = new TempFolder();
        var shop = server.BaseUri.ToString().TrimEnd('/');
        folder.Write("environments/test-shop.yaml", TestEnvironments.Shop.Replace("http://127.0.0.1:18999", shop, StringComparison.Ordinal));
        var catalog = TestCatalog.Create().AddTraffic();
        var drill = new DrillLoader(catalog).Load(folder.Write("drill.yaml", Drill));
        var driver = new FakeDriver(drill.Environment);
        await driver.UpAsync(new Progress<string>(), CancellationToken.None);
        var journal = new SqliteJournalStore(Path.Combine(folder.Path, "journal.db"));
        var engine = new DrillEngine(catalog, journal, new FileEnvironmentLock(Path.Combine(folder.Path, "locks")), TimeProvider.System);

        var result = await engine.RunAsync(drill, driver, new RunRequest { Seed = 1, Trigger = "test" }, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        var requestsAfterRun = server.Requests;
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(requestsAfterRun, server.Requests);
        Assert.All(result.Changes, c => Assert.Equal(UndoStatus.Reverted, c.Status));
        var traffic = result.Timeline.Traffic;
        var baseline = traffic.Where(t => t.Source == "baseline").ToList();
        var surge = traffic.Where(t => t.Source == "promo").ToList();
        Assert.True(baseline.Count >= 4, $"{baseline.Count} baseline seconds");
        Assert.True(surge.Count >= 2, $"{surge.Count} surge seconds");
        Assert.Contains(surge, s => s.Sent >= 55);
        Assert.Equal(["baseline", "promo"], result.Timeline.TrafficSummaries.Select(s => s.Source).Order(StringComparer.Ordinal));
        Assert.All(result.Timeline.TrafficSummaries, s => Assert.True(s.Sent >= s.Planned * 0.99, $"{s.Source} sent {s.Sent} of {s.Planned}"));
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.FaultInjected && e.Step == "promo");
        var objectives = result.Score!.Objectives.ToDictionary(o => o.Kind, StringComparer.Ordinal);
        Assert.True(objectives["latency"].Met, ObjectiveText.Achieved(objectives["latency"]));
        Assert.True(objectives["users-affected"].Met, ObjectiveText.Achieved(objectives["users-affected"]));
        Assert.Equal(0, objectives["users-affected"].Find("users-affected")!.Value);
    }

    private const string Drill = """
        name: surge
        environment: test-shop
        preflight:
          window: 1s
          timeout: 10s
        probes:
          - name: all-up
            kind: service-up
            service: app
            minimumRunning: 3
            interval: 250ms
        steps:
          - name: baseline
            kind: traffic
            url: ${endpoints.shop}
            rate: 20/s
            users: 50
            mix:
              - { method: GET, path: "/products/{random:1-20}", weight: 3 }
              - { method: POST, path: /orders, body: '{"userId": "u{user}"}' }
          - name: promo
            kind: surge
            at: 1s
            of: baseline
            multiplier: 4
            duration: 3s
        objectives:
          - kind: latency
            p99: 5s
          - kind: users-affected
            max: 1%
        recovery:
          consecutiveSamples: 2
          deadline: 10s
        """;
}
