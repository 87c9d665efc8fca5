using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Server.Tests.Harness;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Server.Tests.Safety;

/// <summary>
/// Halt all: an admin stops every running drill (the restore starts within a second), every trigger and schedule
/// occurrence is refused with the reason until the release, both are audited, and the halt survives a restart.
/// </summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class HaltApiTests
{
    [Fact]
    public async Task An_admins_halt_stops_a_running_drill_within_a_second_and_refuses_triggers_until_released()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["long"] = TestDrills.Kill("long", faultFor: "60s") });
        var runId = await server.TriggerAsync("long");
        await server.WaitAsync(runId, v => v.GetProperty("live") is { ValueKind: JsonValueKind.Object } live && live.GetProperty("activeFaults").GetArrayLength() == 1);
        using var admin = server.Client(ServerHarness.AdminKey);
        using var operatorClient = server.Client(ServerHarness.OperatorKey);

        using (var notAllowed = await operatorClient.PostAsJsonAsync("/api/halt", new { reason = "operators cannot" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        }

        var haltedAt = TimeProvider.System.GetUtcNow();
        using (var halt = await admin.PostAsJsonAsync("/api/halt", new { reason = "customer incident in prod" }))
        {
            Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        }

        var run = await server.WaitAsync(runId, seconds: 30);
        Assert.Equal("aborted", run.GetProperty("run").GetProperty("status").GetString());
        var result = run.GetProperty("result");
        Assert.Contains("customer incident in prod", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var restoreAt = result.GetProperty("timeline").GetProperty("events").EnumerateArray()
            .First(e => e.GetProperty("message").GetString() == "phase restore").GetProperty("at").GetDateTimeOffset();
        Assert.InRange(restoreAt - haltedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal("INCONCLUSIVE", run.GetProperty("run").GetProperty("verdict").GetString());

        using (var refused = await operatorClient.PostAsJsonAsync("/api/drills/long/runs", new { reason = "during the halt" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Drills halted", problem.GetProperty("title").GetString());
            Assert.Contains("customer incident in prod", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var state = await admin.GetFromJsonAsync<JsonElement>("/api/halt");
        Assert.True(state.GetProperty("halted").GetBoolean());
        Assert.Equal("api:admin", state.GetProperty("by").GetString());

        using (var release = await admin.DeleteAsync(new Uri("/api/halt", UriKind.Relative)))
        {
            Assert.True((await release.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("released").GetBoolean());
        }

        Assert.Equal("completed", (await server.WaitAsync(await server.TriggerAsync("long"), seconds: 120)).GetProperty("run").GetProperty("status").GetString());
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("halt", audit);
        Assert.Contains("trigger-refused", audit);
        Assert.Contains("release-halt", audit);
    }

    [Fact]
    public async Task A_schedule_occurrence_during_a_halt_is_refused_recorded_and_audited()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string>
        {
            ["nightly"] = TestDrills.Kill("nightly", schedule: "schedule:\n  cron: \"0 3 * * *\""),
        });
        using var admin = server.Client(ServerHarness.AdminKey);
        (await admin.PostAsJsonAsync("/api/halt", new { reason = "freeze" })).Dispose();

        server.App.Services.GetRequiredService<IRecurringJobManager>().Trigger("drill:nightly");

        JsonElement? refused = null;
        for (var i = 0; i < 150 && refused is null; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            refused = (await admin.GetFromJsonAsync<JsonElement>("/api/runs?drill=nightly")).EnumerateArray().Cast<JsonElement?>().FirstOrDefault();
        }

        Assert.NotNull(refused);
        var id = refused.Value.GetProperty("id").GetString()!;
        var view = await server.WaitAsync(id);
        Assert.Equal("not-started", view.GetProperty("run").GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("events").EnumerateArray(), e => e.GetProperty("message").GetString()!.StartsWith("scheduled occurrence refused: drills are halted by api:admin", StringComparison.Ordinal));
        Assert.False(server.Drivers.WasUsed("fake-shop"), "a refused occurrence must not touch the environment");
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "schedule-refused" && e.GetProperty("who").GetString() == "schedule" && e.GetProperty("target").GetString() == "nightly");
    }

    [Fact]
    public async Task The_halt_survives_a_restart_and_every_page_shows_it_with_the_release_button_for_admins()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") });
        using (var admin = server.Client(ServerHarness.AdminKey))
        {
            Assert.Contains("id=\"halt-all\"", await admin.GetStringAsync("/runs"), StringComparison.Ordinal);
            (await admin.PostAsJsonAsync("/api/halt", new { reason = "maintenance window" })).Dispose();
        }

        await server.RestartAsync();

        using var viewer = server.Client(ServerHarness.ViewerKey);
        using var adminAgain = server.Client(ServerHarness.AdminKey);
        Assert.True((await viewer.GetFromJsonAsync<JsonElement>("/api/halt")).GetProperty("halted").GetBoolean());
        var page = await adminAgain.GetStringAsync("/runs");
        Assert.Contains("id=\"halt-banner\"", page, StringComparison.Ordinal);
        Assert.Contains("maintenance window", page, StringComparison.Ordinal);
        Assert.Contains("id=\"release-halt\"", page, StringComparison.Ordinal);
        var viewerPage = await viewer.GetStringAsync("/");
        Assert.Contains("id=\"halt-banner\"", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"release-halt\"", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"halt-all\"", viewerPage, StringComparison.Ordinal);
        using var refused = await server.Client(ServerHarness.OperatorKey).PostAsJsonAsync("/api/drills/quick/runs", new { reason = "after restart" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }
}
