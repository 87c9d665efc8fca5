using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.PostgreSql;

/// <summary>Two real servers (Kestrel, Hangfire, journal) on one PostgreSQL database and one (fake) environment.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class SharedRunnersTests : IAsyncLifetime
{
    private readonly FakeDriverFactory _environment = new();
    private TestDatabase? _database;
    private ServerHarness? _a;
    private ServerHarness? _b;

    private ServerHarness A => _a!;

    private ServerHarness B => _b!;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.IsSkipped)
        {
            return;
        }

        _database = await TestPostgres.CreateDatabaseAsync();
        var drills = new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick", faultFor: "200ms") };
        _a = await ServerHarness.StartAsync(drills, _database.ServerSettings, drivers: _environment);
        _b = await ServerHarness.StartAsync(drills, _database.ServerSettings, drivers: _environment);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _a, _b })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_run_triggered_on_one_runner_is_listed_and_followed_to_completion_on_the_other()
    {
        var id = await A.TriggerAsync("quick");

        using var viewer = B.Client(ServerHarness.ViewerKey);
        var listed = await viewer.GetFromJsonAsync<JsonElement>("/api/runs");
        Assert.Contains(id, Ids(listed));

        var run = (await B.WaitAsync(id, seconds: 30)).GetProperty("run");
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("completed", (await A.GetRunAsync(id)).GetProperty("run").GetProperty("status").GetString());
    }

    [PostgresFact]
    public async Task Concurrent_triggers_on_both_runners_for_one_environment_all_run_one_at_a_time()
    {
        const int PerRunner = 3;
        using var onA = A.Client(ServerHarness.OperatorKey);
        using var onB = B.Client(ServerHarness.OperatorKey);
        var responses = await Task.WhenAll(Enumerable.Range(0, PerRunner).SelectMany(i => new[]
        {
            onA.PostAsJsonAsync("/api/drills/quick/runs", new { reason = $"a{i}" }),
            onB.PostAsJsonAsync("/api/drills/quick/runs", new { reason = $"b{i}" }),
        }));
        var ids = new List<string>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            response.Dispose();
        }

        Assert.Equal(2 * PerRunner, ids.Distinct(StringComparer.Ordinal).Count());
        var runs = new List<(string Id, DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var id in ids)
        {
            var run = (await A.WaitAsync(id, seconds: 60)).GetProperty("run");
            Assert.Equal("completed", run.GetProperty("status").GetString());
            runs.Add((id, run.GetProperty("startedAt").GetDateTimeOffset(), run.GetProperty("endedAt").GetDateTimeOffset()));
        }

        var ordered = runs.OrderBy(r => r.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].Start >= ordered[i - 1].End, $"run {ordered[i].Id} started at {ordered[i].Start:O} before {ordered[i - 1].Id} ended at {ordered[i - 1].End:O}");
        }
    }

    [PostgresFact]
    public async Task A_refusing_trigger_on_one_runner_is_turned_away_while_the_other_runs_the_environment()
    {
        var id = await A.TriggerAsync("quick");
        await A.WaitAsync(id, v => v.GetProperty("run").GetProperty("status").GetString() is "queued" or "running", seconds: 10);

        using var onB = B.Client(ServerHarness.OperatorKey);
        using var refused = await onB.PostAsJsonAsync("/api/drills/quick/runs", new { reason = "refuse", ifBusy = "refuse" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("busy", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal("completed", (await B.WaitAsync(id, seconds: 30)).GetProperty("run").GetProperty("status").GetString());
        var afterwards = await B.TriggerAsync("quick", ifBusy: "refuse");
        Assert.Equal("completed", (await A.WaitAsync(afterwards, seconds: 30)).GetProperty("run").GetProperty("status").GetString());
    }

    private static string[] Ids(JsonElement listed)
    {
        var runs = listed.ValueKind == JsonValueKind.Array ? listed : listed.GetProperty("runs");
        return [.. runs.EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }
}
