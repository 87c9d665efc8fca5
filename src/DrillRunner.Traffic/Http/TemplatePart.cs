namespace DrillRunner.Traffic.Http;

internal enum TemplatePartKind
{
    Literal,
    User,
    Sequence,
    Random,
}

/// <summary>A literal run of UTF-8 bytes or one placeholder of a request template.</summary>
internal sealed record TemplatePart(TemplatePartKind Kind, byte[] Literal, int Min = 0, int Max = 0)
{
    public static IReadOnlyList<TemplatePart> Parse(string text)
    {
        var parts = new List<TemplatePart>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var close = text[i] == '{' ? text.IndexOf('}', i) : -1;
            var placeholder = close > i ? Placeholder(text[(i + 1)..close]) : null;
            if (placeholder is null)
            {
                i++;
                continue;
            }

            AddLiteral(parts, text[literalStart..i]);
            parts.Add(placeholder);
            i = literalStart = close + 1;
        }

        AddLiteral(parts, text[literalStart..]);
        return parts;
    }

    private static TemplatePart? Placeholder(string name)
    {
        if (name == "user")
        {
            return new TemplatePart(TemplatePartKind.User, []);
        }

        if (name == "seq")
        {
            return new TemplatePart(TemplatePartKind.Sequence, []);
        }

        const string random = "random:";
        if (!name.StartsWith(random, StringComparison.Ordinal))
        {
            return null;
        }

        var bounds = name[random.Length..].Split('-');
        if (bounds.Length == 2 && int.TryParse(bounds[0], out var min) && int.TryParse(bounds[1], out var max) && min <= max)
        {
            return new TemplatePart(TemplatePartKind.Random, [], min, max);
        }

        throw new ArgumentException($"Placeholder {{{name}}} must look like {{random:1-20}} with MIN <= MAX.");
    }

    private static void AddLiteral(List<TemplatePart> parts, string literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(TemplatePartKind.Literal, System.Text.Encoding.UTF8.GetBytes(literal)));
        }
    }
}
