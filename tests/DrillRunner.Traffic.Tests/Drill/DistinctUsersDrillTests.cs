using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Reports;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;
using DrillRunner.Traffic.Drill;
using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Drill;

/// <summary>Users affected over several traffic sources that send as the same synthetic users, through the real engine.</summary>
public sealed class DistinctUsersDrillTests
{
    [Fact]
    public async Task One_user_failing_only_during_the_surge_counts_as_1_of_N_users_not_1_of_2N()
    {
        // The surge sends its own path; the server fails it for user u7 alone, so u7 fails only in the surge.
        await using var server = await TestServer.StartAsync(async context =>
        {
            var failing = context.Request.Path == "/surge" && context.Request.Headers["X-User-Id"] == "u7";
            context.Response.StatusCode = failing ? 500 : 200;
            await context.Response.WriteAsync("x");
        });
        using var folder = new TempFolder();
        folder.Write("environments/test-shop.yaml", TestEnvironments.Shop.Replace("http://127.0.0.1:18999", server.BaseUri.ToString().TrimEnd('/'), StringComparison.Ordinal));
        var catalog = TestCatalog.Create().AddTraffic();
        var drill = new DrillLoader(catalog).Load(folder.Write("drill.yaml", Drill));
        var driver = new FakeDriver(drill.Environment);
        await driver.UpAsync(new Progress<string>(), CancellationToken.None);
        var engine = new DrillEngine(catalog, new SqliteJournalStore(Path.Combine(folder.Path, "journal.db")), new FileEnvironmentLock(Path.Combine(folder.Path, "locks")), TimeProvider.System);

        var result = await engine.RunAsync(drill, driver, new RunRequest { Seed = 1, Trigger = "test" }, CancellationToken.None);

        var summaries = result.Timeline.TrafficSummaries.ToDictionary(s => s.Source, StringComparer.Ordinal);
        Assert.Equal((50, 0), (summaries["baseline"].UsersTotal, summaries["baseline"].UsersAffected));
        Assert.Equal((50, 1), (summaries["promo"].UsersTotal, summaries["promo"].UsersAffected));
        Assert.Equal(new TrafficUsers(1, 50, Distinct: true), TrafficUsers.Of(result.Timeline.TrafficSummaries));
        var users = result.Score!.Objectives.Single(o => o.Kind == "users-affected");
        Assert.Equal("2%", ObjectiveText.Achieved(users));
        Assert.Contains("1 of 50 distinct synthetic users", users.Detail, StringComparison.Ordinal);
        Assert.Contains("promo 1 of 50", users.Detail, StringComparison.Ordinal);
    }

    private const string Drill = """
        name: distinct-users
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
            rate: 50/s
            users: 50
            mix:
              - { method: GET, path: /products }
          - name: promo
            kind: surge
            at: 1s
            of: baseline
            multiplier: 2
            duration: 3s
            mix:
              - { method: GET, path: /surge }
        objectives:
          - kind: users-affected
            max: 5%
        recovery:
          consecutiveSamples: 2
          deadline: 10s
        """;
}
