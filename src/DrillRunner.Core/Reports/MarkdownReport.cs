using System.Globalization;
using System.Text;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Reports.Document;

namespace DrillRunner.Reports;

/// <summary>
/// The run as a postmortem (the shape of the incident write-up this project grew from), with measured
/// numbers in place of estimates: Issue Summary, Timeline, Root Cause and Resolution, objectives,
/// Corrective and Preventative Measures, and the record of what was changed and restored.
/// </summary>
public static class MarkdownReport
{
    public static string Render(RunResult result)
    {
        var facts = ReportFacts.From(result);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Drill report: {MarkdownWriter.Escape(result.Drill)} — {ReportText.Headline(result)}");
        md.AppendLine();
        var header = result.Score is { } score
            ? new Inline().Strong($"Score {ReportText.Number(score.Value)}/100 ({score.Band})").Text(" · run ").Code(result.RunId)
                .Text(" · environment ").Code(result.Environment).Text($" ({result.Driver} driver) · trigger {result.Trigger}")
            : new Inline().Strong($"Not scored: {ReportText.StatusWord(result.Status)}").Text($" — {result.Reason} · run ").Code(result.RunId)
                .Text(" · environment ").Code(result.Environment).Text($" ({result.Driver} driver)");
        MarkdownWriter.WriteSpans(md, header.Build());
        md.AppendLine().AppendLine();
        MarkdownWriter.Write(md, PostmortemSections.Build(result, facts));
        return md.ToString();
    }

    public static string StatusWord(RunStatus status) => ReportText.StatusWord(status);
}
