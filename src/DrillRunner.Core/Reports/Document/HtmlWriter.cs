using System.Net;
using System.Text;

namespace DrillRunner.Reports.Document;

/// <summary>Writes report sections as HTML; every piece of text is encoded.</summary>
public static class HtmlWriter
{
    public static void Write(StringBuilder html, IEnumerable<ReportSection> sections)
    {
        foreach (var section in sections)
        {
            html.Append("<section><h2>").Append(Encode(section.Title)).AppendLine("</h2>");
            foreach (var block in section.Blocks)
            {
                WriteBlock(html, block);
            }

            html.AppendLine("</section>");
        }
    }

    public static void WriteSpans(StringBuilder html, IEnumerable<Span> spans)
    {
        foreach (var span in spans)
        {
            var text = Encode(span.Text);
            html.Append(span.Style switch
            {
                SpanStyle.Strong => $"<strong>{text}</strong>",
                SpanStyle.Code => $"<code>{text}</code>",
                SpanStyle.Sparkline => Sparkline(span.Series ?? []) + " " + text,
                _ => text,
            });
        }
    }

    /// <summary>An inline SVG polyline of values on a 0-100 scale, oldest first.</summary>
    public static string Sparkline(IReadOnlyList<double> values)
    {
        const double width = 80, height = 20;
        if (values.Count < 2)
        {
            return "";
        }

        var points = values.Select((v, i) => FormattableString.Invariant($"{(i * width / (values.Count - 1)):0.#},{height - (Math.Clamp(v, 0, 100) / 100 * height):0.#}"));
        return FormattableString.Invariant($"<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\"><path d=\"M") + string.Join(" L", points) + "\"/></svg>";
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static void WriteBlock(StringBuilder html, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                html.Append("<p>");
                WriteSpans(html, p.Spans);
                html.AppendLine("</p>");
                break;
            case BulletList list:
                html.AppendLine("<ul>");
                foreach (var item in list.Items)
                {
                    html.Append("<li>");
                    WriteSpans(html, item);
                    html.AppendLine("</li>");
                }

                html.AppendLine("</ul>");
                break;
            case Table table:
                html.Append("<table><thead><tr>");
                foreach (var header in table.Headers)
                {
                    html.Append("<th>").Append(Encode(header)).Append("</th>");
                }

                html.AppendLine("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append("<td>");
                        WriteSpans(html, cell);
                        html.Append("</td>");
                    }

                    html.AppendLine("</tr>");
                }

                html.AppendLine("</tbody></table>");
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }
}
