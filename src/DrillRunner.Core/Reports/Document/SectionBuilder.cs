namespace DrillRunner.Reports.Document;

/// <summary>Collects the blocks of one section.</summary>
internal sealed class SectionBuilder(string title)
{
    private readonly List<ReportBlock> _blocks = [];
    private List<IReadOnlyList<Span>>? _bullets;

    public SectionBuilder Paragraph(IReadOnlyList<Span> spans)
    {
        EndList();
        _blocks.Add(new Paragraph(spans));
        return this;
    }

    public SectionBuilder Paragraph(Inline inline) => Paragraph(inline.Build());

    public SectionBuilder Paragraph(string text) => Paragraph(Inline.Of(text));

    /// <summary>Adds an item to the current bullet list, starting one when the last block is not a list.</summary>
    public SectionBuilder Bullet(Inline inline)
    {
        if (_bullets is null)
        {
            _bullets = [];
            _blocks.Add(new BulletList(_bullets));
        }

        _bullets.Add(inline.Build());
        return this;
    }

    public SectionBuilder Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<IReadOnlyList<Span>>> rows)
    {
        EndList();
        _blocks.Add(new Table(headers, rows));
        return this;
    }

    public ReportSection Build()
    {
        EndList();
        return new ReportSection(title, [.. _blocks]);
    }

    private void EndList() => _bullets = null;
}
