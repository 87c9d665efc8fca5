using Fluid;

namespace DrillRunner.Templates;

/// <summary>
/// Liquid templates for config files (<c>{{ port }}</c>, <c>{% for p in services.app.ports %}</c>): Liquid's
/// delimiters never clash with the braces of nginx or haproxy configs. Strict: an unknown variable or filter is an
/// error, never an empty string in a server's config.
/// </summary>
public static class ConfigTemplate
{
    private static readonly FluidParser Parser = new();

    /// <summary>Why <paramref name="text"/> is not a template, or null when it parses.</summary>
    public static string? Problem(string text) =>
        Parser.TryParse(text, out _, out var error) ? null : error;

    /// <summary>Renders <paramref name="text"/>; throws <see cref="TemplateException"/> saying why it does not render.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, object?> variables, string what)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (!Parser.TryParse(text, out var template, out var error))
        {
            throw new TemplateException($"{what} does not parse: {error}");
        }

        var options = new TemplateOptions { StrictVariables = true, StrictFilters = true, MaxSteps = 1_000_000 };
        var context = new TemplateContext(options);
        foreach (var (name, value) in variables)
        {
            context.SetValue(name, value);
        }

        try
        {
            return template.Render(context, NullEncoder.Default);
        }
        catch (Exception ex) when (ex is FluidException or InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new TemplateException($"{what} does not render: {ex.Message}", ex);
        }
    }
}
