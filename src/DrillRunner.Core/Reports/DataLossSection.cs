using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Objectives.DataLoss;
using DrillRunner.Reports.Document;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>The "Data loss" section: per canary, what survived, the RPO, and every lost acknowledged write.</summary>
public static class DataLossSection
{
    /// <summary>The most lost writes listed per canary; the count is always complete.</summary>
    public const int MaxListed = 100;

    /// <summary>The section, or null when the run had no canary.</summary>
    public static ReportSection? Build(RunResult result)
    {
        var probes = DataLossAnalysis.Probes(result.Timeline);
        if (probes.Count == 0)
        {
            return null;
        }

        var section = new SectionBuilder("Data loss")
            .Paragraph("Canary writes acknowledged by the application, read back after recovery and at the end of the run. RPO = acknowledgement of the newest lost write minus that of the newest write before it that survived.");
        foreach (var probe in probes)
        {
            Canary(section, DataLossAnalysis.Analyze(result.Timeline, probe));
        }

        return section.Build();
    }

    private static void Canary(SectionBuilder section, DataLossFindings f)
    {
        var summary = new Inline().Text("Canary ").Code(f.Probe).Text($": {Count(f.Acknowledged)} acknowledged writes, {Count(f.Survived)} survived, ")
            .Strong($"{Count(f.Lost.Count)} lost");
        summary = f.Rpo is { } rpo
            ? summary.Text("; RPO ").Strong((f.RpoIsLowerBound ? "at least " : "") + DurationParser.Format(rpo)).Text(".")
            : summary.Text("; ").Strong("RPO unknown").Text(": the loss cannot be measured.");
        section.Paragraph(summary);
        foreach (var reason in f.Unknown)
        {
            section.Bullet(new Inline().Strong("Unknown: ").Text(reason));
        }

        foreach (var note in f.Notes)
        {
            section.Bullet(new Inline().Text("Note: " + note));
        }

        if (f.Lost.Count == 0)
        {
            return;
        }

        var rows = f.Lost.Take(MaxListed).Select(l => (IReadOnlyList<IReadOnlyList<Span>>)
        [
            Inline.Of("#" + l.Sequence.ToString(CultureInfo.InvariantCulture)),
            new Inline().Code(l.Id ?? "-").Build(),
            Inline.Of(ReportText.Clock(l.SentAt)),
            Inline.Of(ReportText.Clock(l.AckAt)),
            Inline.Of(l.Outcome.ToString().ToLowerInvariant() + (l.Detail is null ? "" : $" ({l.Detail})")),
        ]).ToList();
        section.Table(["lost write", "id", "sent", "acknowledged", "read back"], rows);
        if (f.Lost.Count > MaxListed)
        {
            section.Paragraph($"... and {Count(f.Lost.Count - MaxListed)} more lost writes (all are in report.json).");
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
