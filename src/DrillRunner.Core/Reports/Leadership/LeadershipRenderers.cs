using System.Globalization;
using System.Text;
using DrillRunner.Reports.Document;
using DrillRunner.Reports.Html;

namespace DrillRunner.Reports.Leadership;

/// <summary>The leadership report in Markdown and self-contained HTML.</summary>
public static class LeadershipRenderers
{
    public static string Markdown(LeadershipSummary summary)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# DR drill leadership report — {Period(summary)}").AppendLine();
        MarkdownWriter.Write(md, LeadershipSections.Build(summary));
        return md.ToString();
    }

    public static string Html(LeadershipSummary summary)
    {
        var html = new StringBuilder();
        var title = $"DR drill leadership report — {Period(summary)}";
        HtmlPage.Open(html, title);
        html.Append("<header><h1>").Append(HtmlWriter.Encode(title)).AppendLine("</h1></header>");
        HtmlWriter.Write(html, LeadershipSections.Build(summary));
        HtmlPage.Close(html);
        return html.ToString();
    }

    private static string Period(LeadershipSummary s) =>
        $"{s.PeriodStart.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {s.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
