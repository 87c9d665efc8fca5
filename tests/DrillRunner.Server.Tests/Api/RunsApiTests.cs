using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.Api;

/// <summary>Trigger, follow, abort, acknowledge and report runs through the HTTP API of a real server.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class RunsApiTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new Dictionary<string, string>
        {
            ["quick"] = TestDrills.Kill("quick"),
            ["long"] = TestDrills.Kill("long", faultFor: "60s"),
            ["ack"] = TestDrills.Kill("ack", faultFor: "60s", extraSteps: TestDrills.AckStep),
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_triggered_run_is_accepted_runs_to_completion_and_has_reports()
    {
        using var client = _server.Client(ServerHarness.OperatorKey);
        using var response = await client.PostAsJsonAsync("/api/drills/quick/runs", new { reason = "game day" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/runs/{id}", response.Headers.Location?.OriginalString);

        var view = await _server.WaitAsync(id);
        var run = view.GetProperty("run");
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("api:operator (game day)", run.GetProperty("trigger").GetString());
        Assert.Equal("PASS", run.GetProperty("verdict").GetString());
        Assert.True(view.GetProperty("result").GetProperty("score").GetProperty("objectives").GetArrayLength() > 0);

        using var viewer = _server.Client(ServerHarness.ViewerKey);
        var markdown = await viewer.GetStringAsync($"/api/runs/{id}/report?format=md");
        Assert.Contains("quick", markdown, StringComparison.Ordinal);
        var json = await viewer.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/report?format=json");
        Assert.Equal(id, json.GetProperty("runId").GetString());

        using var admin = _server.Client(ServerHarness.AdminKey);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        var entry = audit.EnumerateArray().Single(e => e.GetProperty("detail").GetString()!.Contains(id, StringComparison.Ordinal));
        Assert.Equal("operator", entry.GetProperty("who").GetString());
        Assert.Equal("trigger", entry.GetProperty("action").GetString());
        Assert.Equal("quick", entry.GetProperty("target").GetString());
        Assert.Equal("127.0.0.1", entry.GetProperty("remoteIp").GetString());
    }

    [Fact]
    public async Task A_running_run_shows_live_progress_and_abort_restores_the_fault()
    {
        var id = await _server.TriggerAsync("long");
        var live = await _server.WaitAsync(id, v => v.GetProperty("live") is { ValueKind: JsonValueKind.Object } l && l.GetProperty("activeFaults").GetArrayLength() == 1);
        Assert.Equal("inject", live.GetProperty("live").GetProperty("phase").GetString());
        Assert.NotEmpty(live.GetProperty("live").GetProperty("recentEvents").EnumerateArray());

        using var client = _server.Client(ServerHarness.OperatorKey);
        using var abort = await client.PostAsync($"/api/runs/{id}/abort", null);
        Assert.Equal(HttpStatusCode.Accepted, abort.StatusCode);

        var done = await _server.WaitAsync(id);
        Assert.Equal("aborted", done.GetProperty("run").GetProperty("status").GetString());
        var instances = await _server.Drivers.For("fake-shop").ListInstancesAsync("app", CancellationToken.None);
        Assert.All(instances, i => Assert.Equal(Drivers.InstanceState.Running, i.State));

        using var again = await client.PostAsync($"/api/runs/{id}/abort", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await AssertAuditedAsync("abort", id);
    }

    [Fact]
    public async Task An_acknowledgement_through_the_api_completes_a_wait_for_ack_step()
    {
        var id = await _server.TriggerAsync("ack");
        using var client = _server.Client(ServerHarness.OperatorKey);
        using var early = await client.PostAsync("/api/runs/nope/ack", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var waiting = await _server.WaitAsync(id, v => v.GetProperty("live") is { ValueKind: JsonValueKind.Object } l && l.GetProperty("pendingAck").ValueKind == JsonValueKind.Object);
        Assert.Equal("Find what broke", waiting.GetProperty("live").GetProperty("pendingAck").GetProperty("prompt").GetString());

        using var ack = await client.PostAsync($"/api/runs/{id}/ack", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await _server.WaitAsync(id, v => v.GetProperty("live") is not { ValueKind: JsonValueKind.Object } l || l.GetProperty("pendingAck").ValueKind == JsonValueKind.Null);
        await AssertAuditedAsync("ack", id);

        using var abort = await client.PostAsync($"/api/runs/{id}/abort", null);
        var done = await _server.WaitAsync(id);
        var events = done.GetProperty("result").GetProperty("timeline").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains(events, m => m!.Contains("api:operator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refuse_trigger_on_a_busy_environment_is_a_409_and_a_queue_trigger_waits_then_runs()
    {
        var first = await _server.TriggerAsync("long");
        await _server.WaitAsync(first, v => v.GetProperty("run").GetProperty("status").GetString() == "running");

        using var client = _server.Client(ServerHarness.OperatorKey);
        using var refused = await client.PostAsJsonAsync("/api/drills/quick/runs", new { ifBusy = "refuse" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("busy", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var queued = await _server.TriggerAsync("quick");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        Assert.Equal("queued", (await _server.GetRunAsync(queued)).GetProperty("run").GetProperty("status").GetString());

        using var abort = await client.PostAsync($"/api/runs/{first}/abort", null);
        Assert.Equal("completed", (await _server.WaitAsync(queued)).GetProperty("run").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Drills_list_shows_environment_and_last_verdict_and_runs_filter_by_drill_and_status()
    {
        var id = await _server.TriggerAsync("quick");
        await _server.WaitAsync(id);

        using var client = _server.Client(ServerHarness.ViewerKey);
        var drills = await client.GetFromJsonAsync<JsonElement>("/api/drills");
        var quick = drills.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "quick");
        Assert.Equal("fake-shop", quick.GetProperty("environment").GetString());
        Assert.Equal("PASS", quick.GetProperty("lastRun").GetProperty("verdict").GetString());

        var runs = await client.GetFromJsonAsync<JsonElement>("/api/runs?drill=quick&status=completed");
        Assert.Contains(runs.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.All(runs.EnumerateArray(), r => Assert.Equal("quick", r.GetProperty("drill").GetString()));
        using var bad = await client.GetAsync("/api/runs?status=sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("drillrunner_runs_total{drill=\"quick\",status=\"Completed\",verdict=\"Pass\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("drillrunner_runner_up 1", metrics, StringComparison.Ordinal);
    }

    private async Task AssertAuditedAsync(string action, string target)
    {
        using var admin = _server.Client(ServerHarness.AdminKey);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == action && e.GetProperty("target").GetString() == target && e.GetProperty("who").GetString() == "operator");
    }
}
