namespace DrillRunner.Reports.Document;

/// <summary>How a run of text is emphasised; each renderer maps it to its own markup.</summary>
public enum SpanStyle
{
    Plain,
    Strong,
    Code,
    /// <summary>A small chart of <see cref="Span.Series"/> (0-100) where the format can draw; the text elsewhere.</summary>
    Sparkline,
}

/// <summary>A run of text. The text is raw input: renderers escape it, the model never holds markup.</summary>
public sealed record Span(string Text, SpanStyle Style = SpanStyle.Plain, IReadOnlyList<double>? Series = null);

/// <summary>A block of a report section: paragraph, bullet list or table.</summary>
public abstract record ReportBlock;

public sealed record Paragraph(IReadOnlyList<Span> Spans) : ReportBlock;

public sealed record BulletList(IReadOnlyList<IReadOnlyList<Span>> Items) : ReportBlock;

public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<IReadOnlyList<Span>>> Rows) : ReportBlock;

/// <summary>One titled section of a report, rendered the same way by the Markdown and HTML writers.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks);
