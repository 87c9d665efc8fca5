using System.Globalization;
using System.Text;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Units;

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
        var verdict = result.Score?.Verdict.ToString().ToUpperInvariant() ?? StatusWord(result.Status);
        md.AppendLine(CultureInfo.InvariantCulture, $"# Drill report: {result.Drill} — {verdict}");
        md.AppendLine();
        if (result.Score is { } score)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Score {score.Value:0.#}/100 ({score.Band})** · run `{result.RunId}` · environment `{result.Environment}` ({result.Driver} driver) · trigger {result.Trigger}");
        }
        else
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Not scored: {StatusWord(result.Status)}** — {result.Reason} · run `{result.RunId}` · environment `{result.Environment}` ({result.Driver} driver)");
        }

        md.AppendLine();
        MarkdownSections.Summary(md, result, facts);
        MarkdownSections.Timeline(md, result);
        MarkdownSections.RootCause(md, result, facts);
        MarkdownSections.Objectives(md, result);
        MarkdownSections.Corrective(md, result);
        MarkdownSections.Changes(md, result);
        return md.ToString();
    }

    public static string StatusWord(RunStatus status) => status switch
    {
        RunStatus.NotStarted => "NOT STARTED",
        RunStatus.RestoreFailed => "RESTORE FAILED",
        _ => status.ToString().ToUpperInvariant(),
    };

    internal static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    internal static string Offset(RunResult result, DateTimeOffset at)
    {
        var offset = at - (result.Window?.MethodStart ?? result.StartedAt);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return sign + DurationParser.Format(offset.Duration());
    }
}
