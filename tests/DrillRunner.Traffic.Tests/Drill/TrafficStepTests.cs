using DrillRunner.Drivers;
using DrillRunner.Loading;
using DrillRunner.Traffic.Drill;
using DrillRunner.Traffic.Tests.Support;
using DrillRunner.Units;

namespace DrillRunner.Traffic.Tests.Drill;

public sealed class TrafficStepTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Traffic_step_feeds_per_second_timeline_entries_and_a_summary_when_stopped()
    {
        await using var server = await TestServer.StartOkAsync();
        var context = DrillContexts.Create();
        await using var resources = context.Resources;
        var step = new TrafficStep(new TrafficOptions { Kind = "traffic", Name = "baseline", Url = server.BaseUri.ToString(), Rate = new Rate(100), Users = 10 });

        var undo = await step.PrepareAsync(context, CancellationToken.None);
        var detail = await step.ExecuteAsync(context, undo, CancellationToken.None);
        Assert.True(await DrillContexts.EventuallyAsync(() => context.Timeline.Snapshot().Traffic.Count >= 3, Limit));
        var stopped = await new TrafficStopUndo().UndoAsync(context, undo!, CancellationToken.None);

        var timeline = context.Timeline.Snapshot();
        Assert.Contains("first second", detail, StringComparison.Ordinal);
        Assert.All(timeline.Traffic, s => Assert.Equal("baseline", s.Source));
        Assert.All(timeline.Traffic.SkipLast(1), s => Assert.InRange(s.Sent, 95, 105));
        Assert.All(timeline.Traffic, s => Assert.Equal(s.Sent, s.Ok));
        var summary = Assert.Single(timeline.TrafficSummaries);
        Assert.Equal("baseline", summary.Source);
        Assert.Equal(timeline.Traffic.Sum(s => s.Sent), summary.Sent);
        Assert.Equal(summary.Planned, summary.Sent);
        Assert.Equal(10, summary.UsersTotal);
        Assert.Equal(0, summary.UsersAffected);
        Assert.StartsWith("stopped traffic 'baseline': sent", stopped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_stops_the_generator_so_no_more_requests_arrive()
    {
        await using var server = await TestServer.StartOkAsync();
        var context = DrillContexts.Create();
        await using var resources = context.Resources;
        var step = new TrafficStep(new TrafficOptions { Kind = "traffic", Url = server.BaseUri.ToString(), Rate = new Rate(200) });
        var undo = await step.PrepareAsync(context, CancellationToken.None);
        await step.ExecuteAsync(context, undo, CancellationToken.None);

        await new TrafficStopUndo().UndoAsync(context, undo!, CancellationToken.None);
        var afterStop = server.Requests;
        await Task.Delay(TimeSpan.FromMilliseconds(700), TimeProvider.System);

        Assert.True(afterStop > 0);
        Assert.Equal(afterStop, server.Requests);
        var again = await new TrafficStopUndo().UndoAsync(context, undo!, CancellationToken.None);
        Assert.Contains("was not running", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_in_a_fresh_process_finds_nothing_to_stop_and_succeeds()
    {
        var context = DrillContexts.Create();
        var record = StopRecord.Create("baseline");

        var detail = await new TrafficStopUndo().UndoAsync(context, record, CancellationToken.None);

        Assert.Equal("traffic-stop", record.Kind);
        Assert.Contains("was not running", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_outside_the_allowlist_is_refused_with_file_line_and_field()
    {
        var context = DrillContexts.Create();
        var step = new TrafficStep(new TrafficOptions
        {
            Kind = "traffic",
            Url = "http://203.0.113.7/",
            Rate = new Rate(10),
            Location = new SourceLocation("drills/surge.yaml", 12, 5),
        });

        var error = await Assert.ThrowsAsync<DrillInputException>(() => step.PrepareAsync(context, CancellationToken.None));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(12, problem.Location.Line);
        Assert.Equal("url", problem.Field);
        Assert.Contains("not in the allowlist", problem.Message, StringComparison.Ordinal);
        Assert.Empty(context.Timeline.Snapshot().Traffic);
    }

    [Fact]
    public async Task Step_fails_when_no_request_gets_an_answer()
    {
        var context = DrillContexts.Create();
        await using var resources = context.Resources;
        var closedPort = FreePort.Find();
        var step = new TrafficStep(new TrafficOptions
        {
            Kind = "traffic",
            Url = $"http://127.0.0.1:{closedPort}/",
            Rate = new Rate(20),
            Timeout = TimeSpan.FromMilliseconds(500),
        });
        var undo = await step.PrepareAsync(context, CancellationToken.None);

        var error = await Assert.ThrowsAsync<DriverException>(() => step.ExecuteAsync(context, undo, CancellationToken.None));

        Assert.Contains("no answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_and_profile_together_are_refused()
    {
        var context = DrillContexts.Create();
        var step = new TrafficStep(new TrafficOptions
        {
            Kind = "traffic",
            Url = "http://127.0.0.1:1/",
            Rate = new Rate(10),
            Profile = [new SegmentOptions { From = new Rate(1), Over = TimeSpan.FromSeconds(1) }],
        });

        var error = await Assert.ThrowsAsync<DrillInputException>(() => step.PrepareAsync(context, CancellationToken.None));

        Assert.Equal("rate", Assert.Single(error.Problems).Field);
    }
}
