using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Engine.Halt;
using DrillRunner.Server.Tests.Harness;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Server.Tests.PostgreSql;

/// <summary>
/// Two runners on one PostgreSQL database, one worker each, so two runs execute on two runners: a halt sent to one
/// stops both within a second and blocks triggers and schedule occurrences on both (audited); abort and ack sent to
/// the runner that does not execute a run reach the one that does; a queued run is cancelled from any runner.
/// </summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class SharedSafetyTests : IAsyncLifetime
{
    private readonly FakeDriverFactory _environments = new();
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
        var drills = new Dictionary<string, string>
        {
            ["long-a"] = TestDrills.Kill("long-a", faultFor: "60s"),
            ["long-b"] = TestDrills.Kill("long-b", faultFor: "60s").Replace("environment: fake-shop", "environment: other-shop", StringComparison.Ordinal),
            ["ack"] = TestDrills.Kill("ack", faultFor: "60s", extraSteps: TestDrills.AckStep),
            ["nightly"] = TestDrills.Kill("nightly", schedule: "schedule:\n  cron: \"0 3 * * *\"").Replace("environment: fake-shop", "environment: other-shop", StringComparison.Ordinal),
        };
        var settings = new Dictionary<string, string?>(_database.ServerSettings, StringComparer.Ordinal) { ["DrillRunner:Workers"] = "1" };
        _a = await ServerHarness.StartAsync(drills, settings, AddOtherShopAsync, _environments);
        _b = await ServerHarness.StartAsync(drills, settings, AddOtherShopAsync, _environments);
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
    public async Task A_halt_sent_to_one_runner_stops_the_runs_of_both_within_a_second_and_blocks_triggers_and_schedules_on_both()
    {
        var first = await A.TriggerAsync("long-a");
        var second = await A.TriggerAsync("long-b");
        var executing = new[] { await ExecutingRunnerAsync(first), await ExecutingRunnerAsync(second) };
        Assert.NotSame(executing[0], executing[1]);

        using var admin = A.Client(ServerHarness.AdminKey);
        var haltedAt = TimeProvider.System.GetUtcNow();
        (await admin.PostAsJsonAsync("/api/halt", new { reason = "prod incident" })).Dispose();

        foreach (var id in new[] { first, second })
        {
            var run = await A.WaitAsync(id, seconds: 30);
            Assert.Equal("aborted", run.GetProperty("run").GetProperty("status").GetString());
            var restoreAt = run.GetProperty("result").GetProperty("timeline").GetProperty("events").EnumerateArray()
                .First(e => e.GetProperty("message").GetString() == "phase restore").GetProperty("at").GetDateTimeOffset();
            Assert.InRange(restoreAt - haltedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }

        Assert.All(new[] { "fake-shop", "other-shop" }, e => Assert.All(_environments.For(e).ListInstancesAsync("app", default).Result, i => Assert.Equal(Drivers.InstanceState.Running, i.State)));

        // On the other runner too: its CLI runs see the halt through its state folder, triggers are refused and audited.
        Assert.Equal(HaltState.Shared, (await new FileHaltSwitch(Path.Combine(B.Folder.Path, "state"), TimeProvider.System).ReadAsync(default))?.Source);
        using (var refused = await B.Client(ServerHarness.OperatorKey).PostAsJsonAsync("/api/drills/long-a/runs", new { reason = "during the halt" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("prod incident", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        B.App.Services.GetRequiredService<IRecurringJobManager>().Trigger("drill:nightly");
        var skipped = await EventuallyAsync(async () => (await RunsAsync(B, "nightly")).FirstOrDefault());
        Assert.Equal("not-started", (await B.WaitAsync(skipped)).GetProperty("run").GetProperty("status").GetString());
        Assert.False(_environments.WasUsed("other-shop") && _environments.For("other-shop").Calls.Count(c => c.StartsWith("kill", StringComparison.Ordinal)) > 1);
        var audits = (await AuditAsync(A)).Concat(await AuditAsync(B)).ToList();
        Assert.Contains(audits, e => e.Action == "halt");
        Assert.Contains(audits, e => e.Action == "trigger-refused" && e.Target == "long-a");
        Assert.Contains(audits, e => e.Action == "schedule-refused" && e.Target == "nightly");

        // Released on the other runner: both run again, and the mirrored file is gone.
        (await B.Client(ServerHarness.AdminKey).DeleteAsync(new Uri("/api/halt", UriKind.Relative))).Dispose();
        await EventuallyAsync(async () => await new FileHaltSwitch(Path.Combine(A.Folder.Path, "state"), TimeProvider.System).ReadAsync(default) is null ? "released" : null);
        var again = await A.TriggerAsync("long-a");
        await ExecutingRunnerAsync(again);
        (await A.Client(ServerHarness.OperatorKey).PostAsync($"/api/runs/{again}/abort", null)).Dispose();
        Assert.Equal("aborted", (await A.WaitAsync(again, seconds: 30)).GetProperty("run").GetProperty("status").GetString());
    }

    [PostgresFact]
    public async Task Ack_and_abort_sent_to_the_runner_that_does_not_execute_the_run_reach_the_one_that_does()
    {
        var id = await A.TriggerAsync("ack");
        var executing = await ExecutingRunnerAsync(id);
        var other = ReferenceEquals(executing, A) ? B : A;
        await executing.WaitAsync(id, v => v.GetProperty("live") is { ValueKind: JsonValueKind.Object } live && live.GetProperty("pendingAck").ValueKind == JsonValueKind.Object);

        using var operatorOnOther = other.Client(ServerHarness.OperatorKey);
        using (var ack = await operatorOnOther.PostAsync($"/api/runs/{id}/ack", null))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            Assert.Equal("find-the-cause", (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").GetString());
        }

        var abortedAt = TimeProvider.System.GetUtcNow();
        using (var abort = await operatorOnOther.PostAsync($"/api/runs/{id}/abort", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, abort.StatusCode);
            Assert.Equal("aborting", (await abort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }

        var run = await other.WaitAsync(id, seconds: 30);
        Assert.Equal("aborted", run.GetProperty("run").GetProperty("status").GetString());
        var result = run.GetProperty("result");
        Assert.Contains("(through another runner)", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var events = result.GetProperty("timeline").GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("message").GetString()!.Contains("acknowledged by api:operator", StringComparison.Ordinal));
        var restoreAt = events.First(e => e.GetProperty("message").GetString() == "phase restore").GetProperty("at").GetDateTimeOffset();
        Assert.InRange(restoreAt - abortedAt, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [PostgresFact]
    public async Task A_queued_run_is_cancelled_from_a_runner_that_does_not_hold_it_and_never_starts()
    {
        var running = await A.TriggerAsync("long-a");
        var executing = await ExecutingRunnerAsync(running);
        var queued = await A.TriggerAsync("long-a");
        await A.WaitAsync(queued, v => v.GetProperty("run").GetProperty("status").GetString() == "queued", seconds: 5);
        var kills = _environments.For("fake-shop").Calls.Count(c => c.StartsWith("kill", StringComparison.Ordinal));

        using (var cancel = await executing.Client(ServerHarness.OperatorKey).PostAsync($"/api/runs/{queued}/abort", null))
        {
            Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
        }

        (await executing.Client(ServerHarness.OperatorKey).PostAsync($"/api/runs/{running}/abort", null)).Dispose();
        Assert.Equal("aborted", (await A.WaitAsync(running, seconds: 30)).GetProperty("run").GetProperty("status").GetString());
        var cancelled = await A.WaitAsync(queued, seconds: 30);
        Assert.Equal("aborted", cancelled.GetProperty("run").GetProperty("status").GetString());
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
        Assert.Equal("aborted", (await B.GetRunAsync(queued)).GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(kills, _environments.For("fake-shop").Calls.Count(c => c.StartsWith("kill", StringComparison.Ordinal)));
    }

    private static async Task AddOtherShopAsync(string state, FakeDriverFactory drivers) =>
        await File.WriteAllTextAsync(
            Path.Combine(Path.GetDirectoryName(state)!, "drills", "environments", "other-shop.yaml"),
            TestDrills.Environment.Replace("name: fake-shop", "name: other-shop", StringComparison.Ordinal));

    /// <summary>The runner whose worker executes the run: the one that shows it live with a fault injected.</summary>
    private async Task<ServerHarness> ExecutingRunnerAsync(string runId) =>
        await EventuallyAsync(async () =>
        {
            foreach (var server in new[] { A, B })
            {
                if ((await server.GetRunAsync(runId)).GetProperty("live") is { ValueKind: JsonValueKind.Object } live && live.GetProperty("activeFaults").GetArrayLength() > 0)
                {
                    return server;
                }
            }

            return null;
        });

    private static async Task<List<string>> RunsAsync(ServerHarness server, string drill)
    {
        using var viewer = server.Client(ServerHarness.ViewerKey);
        return [.. (await viewer.GetFromJsonAsync<JsonElement>($"/api/runs?drill={drill}")).EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }

    private static async Task<List<(string Action, string Target)>> AuditAsync(ServerHarness server)
    {
        using var admin = server.Client(ServerHarness.AdminKey);
        return [.. (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("target").GetString()!))];
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> find)
        where T : class
    {
        for (var i = 0; i < 300; i++)
        {
            if (await find() is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        throw new TimeoutException("not found within 30s");
    }
}
