namespace DrillRunner.Reports.Document;

/// <summary>Builds a list of spans fluently: <c>new Inline().Strong("Impact:").Text(" 3 of 10")</c>.</summary>
public sealed class Inline
{
    private readonly List<Span> _spans = [];

    public Inline Text(string text) => Add(text, SpanStyle.Plain);

    public Inline Strong(string text) => Add(text, SpanStyle.Strong);

    public Inline Code(string text) => Add(text, SpanStyle.Code);

    public Inline Sparkline(string text, IReadOnlyList<double> series)
    {
        _spans.Add(new Span(text, SpanStyle.Sparkline, series));
        return this;
    }

    public IReadOnlyList<Span> Build() => [.. _spans];

    public static IReadOnlyList<Span> Of(string text) => [new Span(text)];

    private Inline Add(string text, SpanStyle style)
    {
        if (text.Length > 0)
        {
            _spans.Add(new Span(text, style));
        }

        return this;
    }
}
