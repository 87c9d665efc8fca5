using System.Text;
using DrillRunner.Reports.Document;

namespace DrillRunner.Reports.Html;

/// <summary>The self-contained page shell (inline CSS, no external fonts, scripts or images) of every HTML report.</summary>
internal static class HtmlPage
{
    private const string Css = """
        :root{--pass:#1a7f37;--fail:#cf222e;--inc:#9a6700;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff}
        *{box-sizing:border-box}
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);max-width:1040px;margin:0 auto;padding:24px}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.6em}
        code{font:13px ui-monospace,SFMono-Regular,Consolas,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px}
        table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
        .verdict{display:inline-block;padding:2px 12px;border-radius:14px;color:#fff;font-weight:700;letter-spacing:.05em}
        .verdict-pass{background:var(--pass)}.verdict-fail{background:var(--fail)}.verdict-inconclusive,.verdict-other{background:var(--inc)}
        .meta{color:var(--muted)}.missed{color:var(--fail);font-weight:600}.met{color:var(--pass)}
        .score{font-size:2.2em;font-weight:700}
        .timeline-chart{width:100%;height:auto;font-size:11px}
        .plot-area{fill:#fafbfc;stroke:var(--line)}
        .fault-window{fill:#cf222e;fill-opacity:.12;stroke:#cf222e;stroke-opacity:.4}
        .action-marker{stroke:#0969da;stroke-width:1.5;stroke-dasharray:4 3}
        .series{fill:none;stroke-width:1.8}
        .series-success{stroke:#1a7f37}.series-rate{stroke:#0969da}.series-failed{stroke:#cf222e}
        .series-p50{stroke:#8250df}.series-p95{stroke:#bf8700}.series-p99{stroke:#cf222e;stroke-dasharray:3 2}
        .axis-label{fill:var(--muted)}
        .hover-column{fill:transparent}.hover-column:hover{fill:#0969da;fill-opacity:.08}
        .legend span{margin-right:14px;white-space:nowrap}.legend i{display:inline-block;width:14px;height:4px;margin-right:4px;vertical-align:middle}
        .spark{vertical-align:middle}.spark path{fill:none;stroke:#0969da;stroke-width:1.5}
        """;

    public static void Open(StringBuilder html, string title)
    {
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(HtmlWriter.Encode(title)).AppendLine("</title>");
        html.Append("<style>").Append(Css).AppendLine("</style></head><body>");
    }

    public static void Close(StringBuilder html) => html.AppendLine("</body></html>");

    public static string VerdictClass(string word) => word switch
    {
        "PASS" => "verdict-pass",
        "FAIL" or "RESTORE FAILED" or "ERRORED" => "verdict-fail",
        "INCONCLUSIVE" => "verdict-inconclusive",
        _ => "verdict-other",
    };
}
