using System.Text;

namespace DrillRunner.Reports.Document;

/// <summary>Writes report sections as GitHub-flavoured Markdown.</summary>
public static class MarkdownWriter
{
    public static void Write(StringBuilder md, IEnumerable<ReportSection> sections, int level = 2)
    {
        foreach (var section in sections)
        {
            md.Append('#', level).Append(' ').AppendLine(Escape(section.Title)).AppendLine();
            foreach (var block in section.Blocks)
            {
                WriteBlock(md, block);
                md.AppendLine();
            }
        }
    }

    public static void WriteSpans(StringBuilder md, IEnumerable<Span> spans, bool inTable = false)
    {
        foreach (var span in spans)
        {
            var text = inTable ? Cell(span.Text) : OneLine(span.Text);
            md.Append(span.Style switch
            {
                SpanStyle.Strong => $"**{text}**",
                SpanStyle.Code => $"`{text.Replace('`', '\'')}`",
                _ => text,
            });
        }
    }

    /// <summary>Keeps input from starting a heading or breaking a line; Markdown is read as text, not rendered blindly.</summary>
    public static string Escape(string text) => OneLine(text);

    private static void WriteBlock(StringBuilder md, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                WriteSpans(md, p.Spans);
                md.AppendLine();
                break;
            case BulletList list:
                foreach (var item in list.Items)
                {
                    md.Append("* ");
                    WriteSpans(md, item);
                    md.AppendLine();
                }

                break;
            case Table table:
                md.Append("| ").AppendJoin(" | ", table.Headers.Select(Cell)).AppendLine(" |");
                md.Append('|').AppendJoin("", table.Headers.Select(_ => "---|")).AppendLine();
                foreach (var row in table.Rows)
                {
                    md.Append('|');
                    foreach (var cell in row)
                    {
                        md.Append(' ');
                        WriteSpans(md, cell, inTable: true);
                        md.Append(" |");
                    }

                    md.AppendLine();
                }

                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);
}
