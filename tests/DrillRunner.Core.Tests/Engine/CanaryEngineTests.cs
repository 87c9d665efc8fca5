using DrillRunner.Core.Tests.Probes.Canary;
using DrillRunner.Journal;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Testing;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Engine;

public sealed class CanaryEngineTests
{
    private const string DataLoss = """
          - kind: data-loss
            rpo: 5s
            maxLostWrites: 0

        """;

    private const string Pause = """
          - name: pause-an-app-server
            kind: pause
            at: 1s
            service: app
            count: 1
            duration: 2s

        """;

    [Fact]
    public async Task Acknowledged_writes_are_read_back_after_the_recovery_phase_and_again_after_the_probes_stop_before_scoring()
    {
        using var harness = new EngineHarness(CanaryDrills.Drill(CanaryDrills.Probe(), steps: Pause, objectives: DataLoss));
        // Reads slow enough that the canary writes on while the first round reads back.
        var app = new FakeOrderApp(harness.Time) { ReadLatency = TimeSpan.FromMilliseconds(300) };
        app.Forget(4, 9);
        using var http = new HttpClient(app);

        var result = await harness.RunAsync(http: http);

        Assert.Equal(RunStatus.Completed, result.Status);
        var events = result.Timeline.Events;
        int Index(string kind, string text) => events.ToList().FindIndex(e => e.Kind == kind && e.Message.Contains(text, StringComparison.Ordinal));
        Assert.True(Index(EventKinds.Phase, "phase recover") < Index(EventKinds.Phase, "phase verify"));
        Assert.True(Index(EventKinds.Phase, "phase verify") < Index(EventKinds.Verify, "(after-recovery)"));
        Assert.True(Index(EventKinds.Verify, "(after-recovery)") < Index(EventKinds.Verify, "(end)"));
        Assert.True(Index(EventKinds.Verify, "(end)") < Index(EventKinds.Phase, "phase score"));

        var acks = result.Timeline.CanaryAcks;
        var end = result.Timeline.CanaryChecks.Where(c => c.Round == CanaryRounds.End).ToList();
        var afterRecovery = result.Timeline.CanaryChecks.Where(c => c.Round == CanaryRounds.AfterRecovery).ToList();
        // The end round also covers what was acknowledged after the first round; no write is left unchecked.
        Assert.Equal(acks.Select(a => a.Sequence).Order(), end.Select(c => c.Sequence).Order());
        Assert.True(afterRecovery.Count < end.Count, $"{afterRecovery.Count} then {end.Count}");
        Assert.Equal([4L, 9], end.Where(c => c.Outcome == CanaryOutcome.Missing).Select(c => c.Sequence).Order());

        // Scored from the read-back: #9 lost, #8 before it survived; the gate fails on the lost writes.
        var dataLoss = result.Score!.Objectives.Single(o => o.Kind == "data-loss");
        Assert.False(dataLoss.Met);
        Assert.Equal(2, dataLoss.Find("lost-writes")!.Value);
        var ack = acks.ToDictionary(a => a.Sequence);
        Assert.Equal(ack[9].AckAt - ack[8].AckAt, dataLoss.Find("rpo")!.AsDuration());
        Assert.Equal(Verdict.Fail, result.Score.Verdict);

        // The summaries are in the journal as well as in the saved timeline.
        var journaled = await harness.Journal.GetEventsAsync(result.RunId, default);
        Assert.Equal(2, journaled.Count(e => e.Kind == EventKinds.Verify));
        Assert.Contains(journaled, e => e.Kind == EventKinds.Verify && e.Message.Contains("2 missing", StringComparison.Ordinal) && e.Message.Contains("#4 #9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reports_have_a_data_loss_section_listing_each_lost_write_with_its_sequence_and_acknowledgement()
    {
        using var harness = new EngineHarness(CanaryDrills.Drill(CanaryDrills.Probe(), steps: Pause, objectives: DataLoss));
        var app = new FakeOrderApp(harness.Time);
        app.Forget(3, 5);
        using var http = new HttpClient(app);
        var result = await harness.RunAsync(http: http);
        var acks = result.Timeline.CanaryAcks.ToDictionary(a => a.Sequence);

        var markdown = MarkdownReport.Render(result);
        var html = HtmlReport.Render(result);

        Assert.Contains("## Data loss", markdown, StringComparison.Ordinal);
        Assert.Contains($"Canary `orders-canary`: {acks.Count} acknowledged writes, {acks.Count - 2} survived, **2 lost**; RPO **", markdown, StringComparison.Ordinal);
        Assert.Contains($"| #3 | `{acks[3].Id}` | {ReportText.Clock(acks[3].SentAt)} | {ReportText.Clock(acks[3].AckAt)} | missing (status 404) |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| #5 | `{acks[5].Id}` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| data-loss (gate) | rpo <= 5s, <= 0 lost writes | rpo ", markdown, StringComparison.Ordinal);
        Assert.Contains("<h2>Data loss</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>#3</td><td><code>{acks[3].Id}</code></td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("## Data loss", MarkdownReport.Render(await DrillRunner.Core.Tests.Reports.ReportRuns.KillWithActionAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_never_started_reads_nothing_back()
    {
        using var harness = new EngineHarness(CanaryDrills.Drill(CanaryDrills.Probe(), steps: Pause));
        var app = new FakeOrderApp(harness.Time) { AnswerWithoutId = true };
        using var http = new HttpClient(app);

        var result = await harness.RunAsync(http: http);

        Assert.Equal(RunStatus.NotStarted, result.Status);
        Assert.Contains("without an id", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Timeline.CanaryChecks);
        Assert.Equal(0, app.Reads);
    }
}
