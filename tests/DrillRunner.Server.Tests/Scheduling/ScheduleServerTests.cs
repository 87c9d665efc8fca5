using System.Net.Http.Json;
using System.Text.Json;
using DrillRunner.Scheduling;
using DrillRunner.Server.Tests.Harness;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Server.Tests.Scheduling;

/// <summary>Scheduled drills become Hangfire recurring jobs; their occurrences run, or are skipped and recorded.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class ScheduleServerTests
{
    private static readonly string Today = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string Tomorrow = TimeProvider.System.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_scheduled_occurrence_runs_the_drill_with_trigger_schedule_and_the_drill_shows_its_next_run()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string>
        {
            ["nightly"] = TestDrills.Kill("nightly", schedule: "schedule:\n  cron: \"0 3 * * *\"\n  windows: [\"00:00-24:00\"]"),
        });

        Assert.Contains("drill:nightly", RecurringJobIds(server));
        server.App.Services.GetRequiredService<IRecurringJobManager>().Trigger("drill:nightly");
        var run = await WaitForScheduledRunAsync(server, "nightly");
        Assert.Equal("completed", (await server.WaitAsync(run)).GetProperty("run").GetProperty("status").GetString());
        var audited = await AuditAsync(server);
        Assert.Contains(audited, e => e.GetProperty("who").GetString() == "schedule" && e.GetProperty("action").GetString() == "trigger"
            && e.GetProperty("target").GetString() == "nightly" && e.GetProperty("detail").GetString()!.Contains(run, StringComparison.Ordinal));

        using var client = server.Client(ServerHarness.ViewerKey);
        var drill = (await client.GetFromJsonAsync<JsonElement>("/api/drills")).EnumerateArray().Single();
        var next = drill.GetProperty("nextRun").GetDateTimeOffset();
        Assert.Equal(3, next.UtcDateTime.Hour);
        Assert.True(next > TimeProvider.System.GetUtcNow());
    }

    [Fact]
    public async Task An_occurrence_on_a_blackout_date_is_skipped_and_recorded_as_not_started()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string>
        {
            ["frozen"] = TestDrills.Kill("frozen", schedule: $"schedule:\n  cron: \"0 3 * * *\"\n  blackouts: [{Today}, {Tomorrow}]"),
        });

        server.App.Services.GetRequiredService<IRecurringJobManager>().Trigger("drill:frozen");
        var run = await WaitForScheduledRunAsync(server, "frozen");
        var view = await server.WaitAsync(run);
        Assert.Equal("not-started", view.GetProperty("run").GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("events").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("blackout date", StringComparison.Ordinal));
        Assert.False(server.Drivers.WasUsed("fake-shop"), "a skipped occurrence must not touch the environment");
        Assert.Contains(await AuditAsync(server), e => e.GetProperty("who").GetString() == "schedule" && e.GetProperty("action").GetString() == "schedule-skip"
            && e.GetProperty("detail").GetString()!.Contains("blackout date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drill_files_added_or_removed_while_serving_gain_or_lose_their_recurring_job()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["manual"] = TestDrills.Kill("manual") });
        Assert.DoesNotContain("drill:weekly", RecurringJobIds(server));

        var file = Path.Combine(server.DrillsDirectory, "weekly.yaml");
        await File.WriteAllTextAsync(file, TestDrills.Kill("weekly", schedule: "schedule:\n  cron: \"0 3 * * 1\""));
        await EventuallyAsync(() => RecurringJobIds(server).Contains("drill:weekly"));

        File.Delete(file);
        await EventuallyAsync(() => !RecurringJobIds(server).Contains("drill:weekly"));
    }

    private static async Task<List<JsonElement>> AuditAsync(ServerHarness server)
    {
        using var admin = server.Client(ServerHarness.AdminKey);
        return [.. (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray()];
    }

    private static List<string> RecurringJobIds(ServerHarness server)
    {
        using var connection = server.App.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).ToList();
    }

    private static async Task<string> WaitForScheduledRunAsync(ServerHarness server, string drill)
    {
        using var client = server.Client(ServerHarness.ViewerKey);
        string? id = null;
        await EventuallyAsync(
            async () =>
            {
                var runs = await client.GetFromJsonAsync<JsonElement>($"/api/runs?drill={drill}");
                id = runs.EnumerateArray().Where(r => r.GetProperty("trigger").GetString() == ScheduledDrillJob.Trigger).Select(r => r.GetProperty("id").GetString()).FirstOrDefault();
                return id is not null;
            },
            () => HangfireState(server));
        return id!;
    }

    private static string HangfireState(ServerHarness server)
    {
        var monitor = server.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var failed = monitor.FailedJobs(0, 10).Select(j => $"failed {j.Value.Job?.Method.Name}: {j.Value.ExceptionMessage}");
        var stats = monitor.GetStatistics();
        return $"hangfire: enqueued {stats.Enqueued}, processing {stats.Processing}, succeeded {stats.Succeeded}, failed {stats.Failed}, servers {stats.Servers}; {string.Join("; ", failed)}";
    }

    private static Task EventuallyAsync(Func<bool> condition) => EventuallyAsync(() => Task.FromResult(condition()), () => "");

    private static async Task EventuallyAsync(Func<Task<bool>> condition, Func<string> describe)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.Fail("condition not met within 30s " + describe());
    }
}
