using DrillRunner.Model;
using DrillRunner.Reports.Leadership;
using DrillRunner.Scoring;
using Microsoft.Extensions.Time.Testing;
using static DrillRunner.Core.Tests.Reports.Leadership.SeededJournal;

namespace DrillRunner.Core.Tests.Reports.Leadership;

public sealed class IncidentSeriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_replay_before_the_fixes_and_the_same_incident_after_them_show_fail_turning_into_pass()
    {
        using var journal = new SeededJournal(Now);
        var before = new IncidentSpec { Name = "checkout-outage", Stage = IncidentStage.BeforeFixes, Document = "../docs/incidents/checkout-outage.md" };
        var after = new IncidentSpec { Name = "checkout-outage", Stage = IncidentStage.AfterFixes, Document = "../docs/incidents/checkout-outage.md" };
        // The after-fixes drill ran first, the replay again later: the stage, not the time, orders the pair.
        await journal.AddAsync("checkout-outage-after-fixes", 3, Verdict.Pass, 100, after, Recover("30s", "0s"));
        await journal.AddAsync("checkout-outage-replay", 5, Verdict.Fail, 20, before, Recover("30s", "50s"));
        await journal.AddAsync("checkout-outage-replay", 2, Verdict.Fail, 15.8, before, Recover("30s", "49.6s"));
        await journal.AddAsync("node-loss", 1, Verdict.Pass, 90, Recover("1m", "5s"));

        var summary = await LeadershipReport.BuildAsync(journal.Store, new LeadershipOptions(), new FakeTimeProvider(Now), default);

        var series = Assert.Single(summary.Incidents);
        Assert.Equal("checkout-outage", series.Incident);
        Assert.Equal([IncidentStage.BeforeFixes, IncidentStage.AfterFixes], series.Stages.Select(s => s.Stage));
        Assert.Equal([(Verdict.Fail, 15.8, 2), (Verdict.Pass, 100.0, 1)], series.Stages.Select(s => (s.Verdict, s.Score, s.Runs)));
        Assert.Contains("Incident checkout-outage: before the fixes FAIL 15.8 (checkout-outage-replay), after the fixes PASS 100 (checkout-outage-after-fixes).", summary.ExecutiveSummary);
        var markdown = LeadershipRenderers.Markdown(summary);
        Assert.Contains("**checkout-outage:** FAIL 15.8 → PASS 100", markdown, StringComparison.Ordinal);
        Assert.Contains("| checkout-outage | before the fixes | checkout-outage-replay | **FAIL** | 15.8 |", markdown, StringComparison.Ordinal);
        Assert.Contains("<h2>Incidents replayed: before and after the fixes</h2>", LeadershipRenderers.Html(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_drills_that_replay_an_incident_the_section_says_so()
    {
        using var journal = new SeededJournal(Now);
        await journal.AddAsync("node-loss", 1, Verdict.Pass, 90, Recover("1m", "5s"));

        var summary = await LeadershipReport.BuildAsync(journal.Store, new LeadershipOptions(), new FakeTimeProvider(Now), default);

        Assert.Empty(summary.Incidents);
        Assert.Contains("No drill in the period replays an incident", LeadershipRenderers.Markdown(summary), StringComparison.Ordinal);
    }
}
