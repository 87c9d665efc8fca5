using System.Globalization;
using DrillRunner.Reports.Document;
using DrillRunner.Units;

namespace DrillRunner.Reports.Leadership;

/// <summary>The leadership report as format-neutral sections, rendered by both the Markdown and HTML writers.</summary>
public static class LeadershipSections
{
    public static IReadOnlyList<ReportSection> Build(LeadershipSummary s) =>
        [Executive(s), DisasterRecoveryLines.Section(s), Trends(s), Incidents(s), .. s.Compliance.Select(c => Compliance(c, s)), Coverage(s), Timing(s), Actions(s)];

    private static ReportSection Executive(LeadershipSummary s)
    {
        var section = new SectionBuilder("Executive summary");
        foreach (var line in s.ExecutiveSummary)
        {
            section.Bullet(new Inline().Text(line));
        }

        return section.Build();
    }

    private static ReportSection Trends(LeadershipSummary s)
    {
        var section = new SectionBuilder("Score trend per drill").Paragraph("Latest scored runs of each drill in the period, oldest first; inconclusive runs are not scored.");
        var rows = s.Trends.Select(t => Row(
            Inline.Of(t.Drill),
            new Inline().Sparkline(string.Join(" → ", t.Scores.Select(v => ReportText.Number(v))), t.Scores).Build(),
            t.Direction == TrendDirection.Declining ? new Inline().Strong(Word(t.Direction)).Build() : Inline.Of(Word(t.Direction)))).ToList();
        return rows.Count == 0 ? section.Paragraph("No scored run in the period.").Build() : section.Table(["drill", "scores", "direction"], rows).Build();
    }

    private static ReportSection Incidents(LeadershipSummary s)
    {
        var section = new SectionBuilder("Incidents replayed: before and after the fixes")
            .Paragraph("Each real incident's replay as it happened next to the same incident against the corrective measures; latest scored run of each.");
        if (s.Incidents.Count == 0)
        {
            return section.Paragraph("No drill in the period replays an incident (incident: in the drill file).").Build();
        }

        var rows = s.Incidents.SelectMany(i => i.Stages.Select(t => Row(
            Inline.Of(i.Incident),
            Inline.Of(LeadershipFigures.StageWord(t.Stage)),
            Inline.Of(t.Drill),
            t.Verdict == Scoring.Verdict.Pass ? Inline.Of("PASS") : new Inline().Strong("FAIL").Build(),
            Inline.Of(ReportText.Number(t.Score)),
            Inline.Of(Date(t.At))))).ToList();
        section.Table(["incident", "stage", "drill", "verdict", "score", "run"], rows);
        foreach (var i in s.Incidents.Where(i => i.Stages.Count > 1))
        {
            var trend = string.Join(" → ", i.Stages.Select(t => $"{t.Verdict.ToString().ToUpperInvariant()} {ReportText.Number(t.Score)}"));
            var line = new Inline().Strong(i.Incident + ":").Text(" " + trend);
            section.Paragraph(i.Document is { } doc ? line.Text(" (the incident: ").Code(doc).Text(")") : line);
        }

        return section.Build();
    }

    private static ReportSection Compliance(ObjectiveCompliance c, LeadershipSummary s)
    {
        var section = new SectionBuilder($"{c.Label} compliance");
        if (c.Share is not { } share)
        {
            return section.Paragraph($"No drill in the period declares a {c.Kind} objective (or no run measured it validly).").Build();
        }

        section.Paragraph(new Inline().Strong($"{new Percentage(share)} compliant").Text($": {c.Compliant} of {c.Checks.Count} of the latest runs of each drill met the target."));
        if (c.Kind == "data-loss" && s.RecoveryPoint is { } rp)
        {
            section.Paragraph(RecoveryPointLine(rp));
        }

        var rows = c.Checks.Select(k => Row(Inline.Of(k.Drill), Inline.Of(Date(k.At)), Inline.Of(ObjectiveText.Target(k.Objective)), Inline.Of(ObjectiveText.Achieved(k.Objective)),
            k.Met ? Inline.Of("yes") : new Inline().Strong("no").Build())).ToList();
        return section.Table(["drill", "run", "target", "achieved", "met"], rows).Build();
    }

    private static Inline RecoveryPointLine(RecoveryPointFigures rp)
    {
        var line = new Inline().Text("Measured from canary writes read back after recovery: ").Strong($"{rp.LostWrites.ToString(CultureInfo.InvariantCulture)} acknowledged writes lost")
            .Text(" in the period");
        line = rp.Worst is { } w
            ? line.Text("; worst RPO ").Strong(DurationParser.Format(w.Rpo)).Text($" ({w.Drill}, run ").Code(w.RunId).Text($", {w.LostWrites.ToString(CultureInfo.InvariantCulture)} lost writes)")
            : line;
        return rp.Unknown > 0
            ? line.Text("; ").Strong($"{rp.Unknown.ToString(CultureInfo.InvariantCulture)} runs could not measure their data loss").Text(" (counted as not compliant).")
            : line.Text(".");
    }

    private static ReportSection Coverage(LeadershipSummary s)
    {
        var section = new SectionBuilder("Coverage and freshness")
            .Paragraph($"A drill is stale when it has not run for {s.StaleAfter.TotalDays.ToString("0", CultureInfo.InvariantCulture)} days (runs that never started do not count).");
        var rows = s.Coverage.Select(c => Row(Inline.Of(c.Drill), Inline.Of(c.LastRun is { } at ? Date(at) : "never"),
            Inline.Of(c.RunsInPeriod.ToString(CultureInfo.InvariantCulture)), c.Stale ? new Inline().Strong("stale").Build() : Inline.Of("fresh"))).ToList();
        return rows.Count == 0 ? section.Paragraph("No drill known.").Build() : section.Table(["drill", "last run", "runs in period", "freshness"], rows).Build();
    }

    private static ReportSection Timing(LeadershipSummary s)
    {
        var section = new SectionBuilder("Time to recover and to detect, data loss")
            .Paragraph("Percentiles (nearest rank) over valid runs in the period that measured a duration; runs with no outage, no recovery or an unknown data loss are left out (an RPO of 0, nothing lost, counts).");
        return section.Table(["measure", "p50", "p90", "runs"],
            [TimingRow("time to recover (RTO)", s.TimeToRecover), TimingRow("time to detect", s.TimeToDetect), TimingRow("data loss (RPO)", s.RecoveryPoint?.Rpo)]).Build();
    }

    private static ReportSection Actions(LeadershipSummary s)
    {
        var section = new SectionBuilder("Open corrective actions").Paragraph("From the latest run of each drill: the remedies of its missed objectives.");
        foreach (var a in s.CorrectiveActions)
        {
            section.Bullet(new Inline().Strong(a.Drill).Text(" (run ").Code(a.RunId).Text($", {Date(a.At)}): ").Strong(a.Title).Text(" " + a.Text));
        }

        if (s.CorrectiveActions.Count == 0)
        {
            section.Paragraph(s.Trends.Count == 0 && s.Compliance.All(c => c.Checks.Count == 0)
                ? "None known: no run in the period produced a result."
                : "None: the latest run of every drill met its objectives.");
        }

        return section.Build();
    }

    private static IReadOnlyList<Span>[] TimingRow(string name, TimingPercentiles? t) => t is null
        ? Row(Inline.Of(name), Inline.Of("-"), Inline.Of("-"), Inline.Of("not measured"))
        : Row(Inline.Of(name), Inline.Of(DurationParser.Format(t.P50)), Inline.Of(DurationParser.Format(t.P90)), Inline.Of(t.Count.ToString(CultureInfo.InvariantCulture)));

    private static IReadOnlyList<Span>[] Row(params IReadOnlyList<Span>[] cells) => cells;

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Word(TrendDirection d) => d switch
    {
        TrendDirection.NotEnoughData => "not enough runs",
        _ => d.ToString().ToLowerInvariant(),
    };
}
