using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.Api;

[Collection(HangfireHostsCollection.Name)]
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private const int Triggers = 8;
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick", faultFor: "200ms") });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Concurrent_triggers_on_one_environment_all_run_and_never_overlap()
    {
        using var client = _server.Client(ServerHarness.OperatorKey);
        var responses = await Task.WhenAll(Enumerable.Range(0, Triggers).Select(i => client.PostAsJsonAsync("/api/drills/quick/runs", new { reason = $"t{i}" })));
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        }
        var ids = new List<string>();
        foreach (var response in responses)
        {
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            response.Dispose();
        }

        Assert.Equal(Triggers, ids.Distinct(StringComparer.Ordinal).Count());
        var runs = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var id in ids)
        {
            var run = (await _server.WaitAsync(id, seconds: 120)).GetProperty("run");
            Assert.Equal("completed", run.GetProperty("status").GetString());
            runs.Add((run.GetProperty("startedAt").GetDateTimeOffset(), run.GetProperty("endedAt").GetDateTimeOffset()));
        }

        var ordered = runs.OrderBy(r => r.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].Start >= ordered[i - 1].End, $"run started at {ordered[i].Start:O} before the previous one ended at {ordered[i - 1].End:O}");
        }
    }
}
