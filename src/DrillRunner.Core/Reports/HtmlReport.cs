using System.Text;
using DrillRunner.Engine;
using DrillRunner.Reports.Html;
using static DrillRunner.Reports.Document.HtmlWriter;

namespace DrillRunner.Reports;

/// <summary>
/// The run report as one self-contained HTML file: verdict header, objectives, an inline SVG timeline chart
/// with fault windows and runbook actions, the postmortem sections of <see cref="MarkdownReport"/> and an
/// appendix on validity. A pure function of the result; all input text is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    public static string Render(RunResult result)
    {
        var facts = ReportFacts.From(result);
        var html = new StringBuilder();
        var headline = ReportText.Headline(result);
        HtmlPage.Open(html, $"Drill report: {result.Drill} — {headline}");
        html.Append("<header><h1>Drill report: ").Append(Encode(result.Drill)).Append(" <span id=\"verdict\" class=\"verdict ")
            .Append(HtmlPage.VerdictClass(headline)).Append("\">").Append(Encode(headline)).AppendLine("</span></h1>");
        if (result.Score is { } score)
        {
            html.Append("<p><span id=\"score\" class=\"score\">").Append(ReportText.Number(score.Value)).Append("</span>/100 · band <strong id=\"band\">")
                .Append(Encode(score.Band)).AppendLine("</strong></p>");
        }
        else
        {
            html.Append("<p><strong>Not scored: ").Append(Encode(ReportText.StatusWord(result.Status))).Append("</strong> — ").Append(Encode(result.Reason)).AppendLine("</p>");
        }

        html.Append("<p class=\"meta\">run <code>").Append(Encode(result.RunId)).Append("</code> · environment <code>").Append(Encode(result.Environment))
            .Append("</code> (").Append(Encode(result.Driver)).Append(" driver) · trigger ").Append(Encode(result.Trigger)).Append(" · ")
            .Append(Encode(result.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))).AppendLine(" UTC</p>");
        Objectives(html, result);
        html.AppendLine("</header>");
        html.AppendLine("<section id=\"chart\"><h2>Timeline chart</h2>");
        html.AppendLine(TimelineChart.Render(result));
        Legend(html, result);
        html.AppendLine("</section>");
        Write(html, PostmortemSections.Build(result, facts));
        html.AppendLine("<div id=\"validity\">");
        Write(html, [ValiditySection.Build(result)]);
        html.AppendLine("</div>");
        HtmlPage.Close(html);
        return html.ToString();
    }

    private static void Objectives(StringBuilder html, RunResult result)
    {
        if (result.Score is not { } score || score.Objectives.Count == 0)
        {
            return;
        }

        html.AppendLine("<ul id=\"objectives\" class=\"objectives\">");
        foreach (var o in score.Objectives)
        {
            html.Append("<li data-kind=\"").Append(Encode(o.Kind)).Append("\" class=\"").Append(o.Met ? "met" : "missed").Append("\"><strong>")
                .Append(Encode(o.Kind)).Append("</strong>: target ").Append(Encode(ObjectiveText.Target(o))).Append(", achieved ").Append(Encode(ObjectiveText.Achieved(o)))
                .Append(o.Met ? " ✓" : " ✗ missed").AppendLine("</li>");
        }

        html.AppendLine("</ul>");
    }

    private static void Legend(StringBuilder html, RunResult result)
    {
        html.Append("<p class=\"legend\"><span><i style=\"background:#1a7f37\"></i>probe success %</span>");
        if (result.Timeline.Traffic.Count > 0)
        {
            html.Append("<span><i style=\"background:#0969da\"></i>requests/s</span><span><i style=\"background:#cf222e\"></i>failed/s</span>");
        }

        html.Append("<span><i style=\"background:#8250df\"></i>p50</span><span><i style=\"background:#bf8700\"></i>p95</span><span><i style=\"background:#cf222e\"></i>p99</span>");
        html.Append("<span><i style=\"background:#cf222e;opacity:.3;height:10px\"></i>fault active</span><span><i style=\"background:#0969da;height:2px\"></i>runbook action</span></p>");
        html.AppendLine();
    }
}
