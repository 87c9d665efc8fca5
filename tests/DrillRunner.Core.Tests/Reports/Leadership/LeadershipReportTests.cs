using DrillRunner.Reports.Leadership;
using DrillRunner.Scoring;
using Microsoft.Extensions.Time.Testing;
using static DrillRunner.Core.Tests.Reports.Leadership.SeededJournal;

namespace DrillRunner.Core.Tests.Reports.Leadership;

public sealed class LeadershipReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Trends_compliance_percentiles_freshness_and_open_actions_are_computed_from_the_journal()
    {
        using var journal = await SeedAsync();
        var options = new LeadershipOptions { Since = TimeSpan.FromDays(90), KnownDrills = ["never-run", "node-loss"] };

        var summary = await LeadershipReport.BuildAsync(journal.Store, options, new FakeTimeProvider(Now), default);

        Assert.Equal(["config-drift", "node-loss", "surge"], summary.Trends.Select(t => t.Drill));
        Assert.Equal([90.0, 88, 70, 60], summary.Trends[0].Scores);
        Assert.Equal(TrendDirection.Declining, summary.Trends[0].Direction);
        Assert.Equal([60.0, 70, 75, 85, 95], summary.Trends[1].Scores);
        Assert.Equal(TrendDirection.Improving, summary.Trends[1].Direction);
        Assert.Equal([80.0, 81], summary.Trends[2].Scores);
        Assert.Equal(TrendDirection.Steady, summary.Trends[2].Direction);

        var rto = summary.Compliance.Single(c => c.Kind == "recover");
        Assert.Equal(11, rto.Checks.Count); // 4 + 5 + 2: the inconclusive surge run does not count
        Assert.Equal(8, rto.Compliant);
        Assert.Equal(8 / 11.0, rto.Share!.Value, 6);
        var rpo = summary.Compliance.Single(c => c.Kind == "data-loss");
        Assert.Equal((2, 4), (rpo.Compliant, rpo.Checks.Count));

        // Measured RTOs 10s 20s 25s 30s 40s 45s 50s 1m30s 2m: nearest rank p50 = 5th, p90 = 9th.
        Assert.Equal(9, summary.TimeToRecover!.Count);
        Assert.Equal(TimeSpan.FromSeconds(40), summary.TimeToRecover.P50);
        Assert.Equal(TimeSpan.FromMinutes(2), summary.TimeToRecover.P90);
        Assert.Null(summary.TimeToDetect);
        // RPOs 0s 0s 5s 10s: zeros are measurements (nothing lost).
        Assert.Equal(new TimingPercentiles(TimeSpan.Zero, TimeSpan.FromSeconds(10), 4), summary.RecoveryPoint!.Rpo);
        Assert.Equal((42L, 0), (summary.RecoveryPoint.LostWrites, summary.RecoveryPoint.Unknown));

        Assert.Equal(["config-drift", "legacy", "never-run", "node-loss", "surge"], summary.Coverage.Select(c => c.Drill));
        Assert.Equal(["config-drift", "legacy", "never-run"], summary.Coverage.Where(c => c.Stale).Select(c => c.Drill));
        Assert.Null(summary.Coverage.Single(c => c.Drill == "never-run").LastRun);
        Assert.Equal(Now - TimeSpan.FromDays(100), summary.Coverage.Single(c => c.Drill == "legacy").LastRun);
        Assert.Equal(0, summary.Coverage.Single(c => c.Drill == "legacy").RunsInPeriod);

        Assert.Equal([("config-drift", "recover"), ("config-drift", "data-loss")], summary.CorrectiveActions.Select(a => (a.Drill, a.Kind)));
        Assert.Equal(
            [
                "12 runs of 3 drills since 2026-08-26: 8 passed, 3 failed, 1 inconclusive, 0 not scored.",
                "RTO met in 8 of 11 recent runs (72.727%); time to recover p50 40s, p90 2m.",
                "RPO met in 2 of 4 recent runs (50%); 42 acknowledged writes lost in the period, worst RPO 10s (config-drift).",
                "3 of 5 drills not run in 30 days (config-drift, legacy, never-run); 2 open corrective actions; scores declining: config-drift.",
            ],
            summary.ExecutiveSummary);
        Assert.Contains("| node-loss | 60 → 70 → 75 → 85 → 95 | improving |", LeadershipRenderers.Markdown(summary), StringComparison.Ordinal);
        // The HTML draws the trend: 5 points, the first (60) lower on the 20px-high sparkline than the last (95).
        Assert.Contains("<td>node-loss</td><td><svg class=\"spark\" width=\"80\" height=\"20\" viewBox=\"0 0 80 20\" aria-hidden=\"true\"><path d=\"M0,8 L20,6 L40,5 L60,3 L80,1\"/></svg> 60 → 70",
            LeadershipRenderers.Html(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trend_keeps_only_the_latest_scores_and_a_shorter_period_drops_older_runs()
    {
        using var journal = await SeedAsync();
        var options = new LeadershipOptions { Since = TimeSpan.FromDays(45), TrendLength = 3 };

        var summary = await LeadershipReport.BuildAsync(journal.Store, options, new FakeTimeProvider(Now), default);

        Assert.Equal([75.0, 85, 95], summary.Trends.Single(t => t.Drill == "node-loss").Scores);
        Assert.Equal([70.0, 60], summary.Trends.Single(t => t.Drill == "config-drift").Scores);
        Assert.Equal(TrendDirection.Declining, summary.Trends.Single(t => t.Drill == "config-drift").Direction);
        Assert.StartsWith("8 runs of 3 drills since 2026-10-10", summary.ExecutiveSummary[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_objective_kinds_are_reported_as_not_measured_in_both_renderings()
    {
        using var journal = new SeededJournal(Now);
        await journal.AddAsync("node-loss", 2, Verdict.Pass, 100, Recover("1m", "12s"));
        var summary = await LeadershipReport.BuildAsync(journal.Store, new LeadershipOptions(), new FakeTimeProvider(Now), default);

        var markdown = LeadershipRenderers.Markdown(summary);
        var html = LeadershipRenderers.Html(summary);

        Assert.Null(summary.Compliance.Single(c => c.Kind == "data-loss").Share);
        Assert.Contains("No drill in the period declares a data-loss objective", markdown, StringComparison.Ordinal);
        Assert.Contains("| time to detect | - | - | not measured |", markdown, StringComparison.Ordinal);
        Assert.Contains("| data loss (RPO) | - | - | not measured |", markdown, StringComparison.Ordinal);
        Assert.Null(summary.RecoveryPoint);
        Assert.Contains("**100% compliant**: 1 of 1", markdown, StringComparison.Ordinal);
        Assert.Contains("<h2>RPO (data-loss) compliance</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>not enough runs</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rpo_section_is_filled_from_typed_data_loss_results_and_an_unknown_loss_is_never_compliant()
    {
        using var journal = new SeededJournal(Now);
        await journal.AddAsync("db-failover", 9, Verdict.Pass, 100, Recover("30s", "8s"), DataLoss("5s", "0s"));
        await journal.AddAsync("db-failover-lagging", 6, Verdict.Fail, 40, Recover("30s", "9s"), DataLoss("1s", "4.8s", lost: 48));
        await journal.AddAsync("db-failover-lagging", 3, Verdict.Fail, 45, Recover("30s", "10s"), DataLoss("1s", null));
        var summary = await LeadershipReport.BuildAsync(journal.Store, new LeadershipOptions(), new FakeTimeProvider(Now), default);

        var rpo = summary.Compliance.Single(c => c.Kind == "data-loss");
        var markdown = LeadershipRenderers.Markdown(summary);
        var html = LeadershipRenderers.Html(summary);

        Assert.Equal([true, false, false], rpo.Checks.Select(c => c.Met));
        Assert.Equal((48L, 1), (summary.RecoveryPoint!.LostWrites, summary.RecoveryPoint.Unknown));
        Assert.Equal(TimeSpan.FromSeconds(4.8), summary.RecoveryPoint.Worst!.Rpo);
        Assert.Contains("| db-failover-lagging | 2026-11-18 10:00 | <= 1s | rpo 4.8s, 48 lost writes | **no** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| db-failover-lagging | 2026-11-21 10:00 | <= 1s | unknown | **no** |", markdown, StringComparison.Ordinal);
        Assert.Contains("**48 acknowledged writes lost** in the period; worst RPO **4.8s** (db-failover-lagging, run `run-02-db-failover-lagging`, 48 lost writes); **1 runs could not measure their data loss**", markdown, StringComparison.Ordinal);
        Assert.Contains("| data loss (RPO) | 0ms | 4.8s | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("RPO met in 1 of 3 recent runs (33.333%); 48 acknowledged writes lost in the period, worst RPO 4.8s (db-failover-lagging); 1 runs could not measure their data loss.", summary.ExecutiveSummary);
        Assert.Contains("<strong>48 acknowledged writes lost</strong>", html, StringComparison.Ordinal);
    }

    private static async Task<SeededJournal> SeedAsync()
    {
        var journal = new SeededJournal(Now);
        await journal.AddAsync("legacy", 100, Verdict.Pass, 95, Recover("1m", "5s"));
        var nodeLoss = new[] { (80, 60.0, "2m"), (60, 70, "50s"), (40, 75, "45s"), (20, 85, "40s"), (5, 95, "30s") };
        foreach (var (days, score, rto) in nodeLoss)
        {
            var objective = Recover("1m", rto);
            await journal.AddAsync("node-loss", days, objective.Met ? Verdict.Pass : Verdict.Fail, score, objective);
        }

        var drift = new[] { (70, 90.0, "20s", "0s", 0), (50, 88, "25s", "0s", 0), (35, 70, null, "5s", 12), (31, 60, "1m30s", "10s", 30) };
        foreach (var (days, score, rto, rpo, lost) in drift)
        {
            await journal.AddAsync("config-drift", days, score >= 80 ? Verdict.Pass : Verdict.Fail, score, Recover("1m", rto), DataLoss("0s", rpo, lost));
        }

        await journal.AddAsync("surge", 10, Verdict.Pass, 80, Recover("30s", "10s"));
        await journal.AddAsync("surge", 3, Verdict.Pass, 81, Recover("30s", "0s"));
        await journal.AddAsync("surge", 1, Verdict.Inconclusive, 40, Recover("30s", "5m"));
        return journal;
    }
}
