using DrillRunner.Journal;
using DrillRunner.Timeline;

namespace DrillRunner.Server.Tests.Journal;

/// <summary>
/// What every journal store promises, run against SQLite and PostgreSQL alike. Times are whole milliseconds: both
/// stores keep at least microseconds.
/// </summary>
public sealed class JournalStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 3, 15, 0, 125, TimeSpan.Zero);

    [Theory]
    [SqliteJournal]
    [PostgreSqlJournal]
    public async Task A_created_run_reads_back_whole_and_is_seen_by_another_store_on_the_same_storage(JournalKind kind)
    {
        await using var journal = await JournalUnderTest.CreateAsync(kind);
        var run = Run("r1", RunStatus.Running, T0) with { StartedAt = T0.ToOffset(TimeSpan.FromHours(2)) };
        await journal.Store.CreateRunAsync(run, default);

        Assert.Equal(run, await journal.Store.GetRunAsync("r1", default));
        Assert.Equal(run, await journal.Open().GetRunAsync("r1", default));
        Assert.Null(await journal.Store.GetRunAsync("missing", default));
    }

    [Theory]
    [SqliteJournal]
    [PostgreSqlJournal]
    public async Task A_queued_run_becomes_the_real_run_when_it_starts_but_a_started_run_is_never_overwritten(JournalKind kind)
    {
        await using var journal = await JournalUnderTest.CreateAsync(kind);
        await journal.Store.CreateRunAsync(Run("r1", RunStatus.Queued, T0) with { Driver = "auto" }, default);
        await journal.Store.CreateRunAsync(Run("r1", RunStatus.Running, T0.AddSeconds(5)), default);
        var started = await journal.Store.GetRunAsync("r1", default);
        Assert.Equal((RunStatus.Running, "local", T0.AddSeconds(5)), (started!.Status, started.Driver, started.StartedAt));

        await journal.Store.CreateRunAsync(Run("r1", RunStatus.Running, T0.AddSeconds(9)) with { Driver = "docker" }, default);
        Assert.Equal(started, await journal.Store.GetRunAsync("r1", default));
    }

    [Theory]
    [SqliteJournal]
    [PostgreSqlJournal]
    public async Task Undo_entries_keep_their_order_statuses_times_and_details(JournalKind kind)
    {
        await using var journal = await JournalUnderTest.CreateAsync(kind);
        await journal.Store.CreateRunAsync(Run("r1", RunStatus.Running, T0), default);
        var kill = await journal.Store.AddUndoAsync("r1", "kill-app", new UndoRecord("kill", "app-2", """{"instances":["app-2"]}"""), T0, default);
        var config = await journal.Store.AddUndoAsync("r1", "bad-config", new UndoRecord("misconfigure", "app", "{}"), T0.AddSeconds(1), default);
        var other = await journal.Store.AddUndoAsync("r1", "pause", new UndoRecord("pause", "db", "{}"), T0.AddSeconds(2), default);

        await journal.Store.SetUndoStatusAsync(kill, UndoStatus.Active, T0.AddSeconds(3), null, default);
        await journal.Store.SetUndoStatusAsync(kill, UndoStatus.Reverted, T0.AddSeconds(4), "started again", default);
        await journal.Store.SetUndoStatusAsync(config, UndoStatus.Active, T0.AddSeconds(5), "applied", default);
        await journal.Store.SetUndoStatusAsync(config, UndoStatus.Failed, T0.AddSeconds(6), null, default);

        var entries = await journal.Open().GetUndoEntriesAsync("r1", default);
        Assert.Equal([kill, config, other], entries.Select(e => e.Id));
        Assert.True(kill < config && config < other);
        Assert.Equal(new UndoEntry(kill, "r1", "kill-app", new UndoRecord("kill", "app-2", """{"instances":["app-2"]}"""), UndoStatus.Reverted, T0, T0.AddSeconds(3), T0.AddSeconds(4), "started again"), entries[0]);
        Assert.Equal(new UndoEntry(config, "r1", "bad-config", new UndoRecord("misconfigure", "app", "{}"), UndoStatus.Failed, T0.AddSeconds(1), T0.AddSeconds(5), null, "applied"), entries[1]);
        Assert.Equal((UndoStatus.Pending, (DateTimeOffset?)null), (entries[2].Status, entries[2].InjectedAt));
        Assert.Empty(await journal.Store.GetUndoEntriesAsync("other-run", default));
    }

    [Theory]
    [SqliteJournal]
    [PostgreSqlJournal]
    public async Task Events_come_back_in_the_order_written_with_their_steps(JournalKind kind)
    {
        await using var journal = await JournalUnderTest.CreateAsync(kind);
        await journal.Store.CreateRunAsync(Run("r1", RunStatus.Running, T0), default);
        TimelineEvent[] written =
        [
            new(T0.AddSeconds(2), EventKinds.Note, "second by time, first written"),
            new(T0, EventKinds.FaultInjected, "kill app-2", "kill-app"),
            new(T0.AddSeconds(1), EventKinds.Error, "o'clock; DROP TABLE runs; --"),
        ];
        foreach (var item in written)
        {
            await journal.Store.AppendEventAsync("r1", item, default);
        }

        Assert.Equal(written, await journal.Open().GetEventsAsync("r1", default));
    }

    [Theory]
    [SqliteJournal]
    [PostgreSqlJournal]
    public async Task Finishing_a_run_records_its_outcome_and_keeps_an_earlier_result_document(JournalKind kind)
    {
        await using var journal = await JournalUnderTest.CreateAsync(kind);
        await journal.Store.CreateRunAsync(Run("r1", RunStatus.Running, T0), default);
        Assert.Null(await journal.Store.GetResultJsonAsync("r1", default));

        await journal.Store.FinishRunAsync("r1", RunStatus.Completed, T0.AddMinutes(2), "PASS", 87.5, """{"score":87.5}""", default);
        await journal.Store.FinishRunAsync("r1", RunStatus.Interrupted, T0.AddMinutes(3), null, null, null, default);

        var run = await journal.Open().GetRunAsync("r1", default);
        Assert.Equal(Run("r1", RunStatus.Interrupted, T0) with { EndedAt = T0.AddMinutes(3) }, run);
        Assert.Equal("""{"score":87.5}""", await journal.Store.GetResultJsonAsync("r1", default));
        Assert.Null(await journal.Store.GetResultJsonAsync("missing", default));

        await journal.Store.FinishRunAsync("r1", RunStatus.Completed, T0.AddMinutes(4), "FAIL", 12.25, null, default);
        Assert.Equal(("FAIL", 12.25), ((await journal.Store.GetRunAsync("r1", default))!.Verdict, (await journal.Store.GetRunAsync("r1", default))!.Score));
    }

    [Theory]
    [SqliteJournal]
    [PostgreSqlJournal]
    public async Task Runs_are_found_by_drill_status_and_environment_newest_first_up_to_the_limit(JournalKind kind)
    {
        await using var journal = await JournalUnderTest.CreateAsync(kind);
        await journal.Store.CreateRunAsync(Run("a", RunStatus.Running, T0), default);
        await journal.Store.CreateRunAsync(Run("b", RunStatus.Queued, T0.AddSeconds(1)), default);
        await journal.Store.CreateRunAsync(Run("c", RunStatus.Running, T0.AddSeconds(2)) with { Drill = "other" }, default);
        await journal.Store.CreateRunAsync(Run("d", RunStatus.Running, T0.AddSeconds(3)) with { Environment = "prod-like" }, default);

        Assert.Equal(["d", "c", "b", "a"], Ids(await journal.Store.FindRunsAsync(new RunQuery(), default)));
        Assert.Equal(["d", "c", "a"], Ids(await journal.Store.FindRunsAsync(new RunQuery(Status: RunStatus.Running), default)));
        Assert.Equal(["c", "a"], Ids(await journal.Store.FindRunsAsync(new RunQuery(Status: RunStatus.Running, Environment: "fake-shop"), default)));
        Assert.Equal(["b", "a"], Ids(await journal.Store.FindRunsAsync(new RunQuery(Drill: "quick", Environment: "fake-shop"), default)));
        Assert.Equal(["d", "c"], Ids(await journal.Store.FindRunsAsync(new RunQuery(Limit: 2), default)));
        Assert.Empty(await journal.Store.FindRunsAsync(new RunQuery(Status: RunStatus.Aborted), default));
    }

    private static RunRecord Run(string id, RunStatus status, DateTimeOffset at) =>
        new(id, "quick", "fake-shop", "local", "api:test", "/drills/quick.yaml", "/drills/environments/fake-shop.yaml", status, at);

    private static string[] Ids(IReadOnlyList<RunRecord> runs) => [.. runs.Select(r => r.Id)];
}
