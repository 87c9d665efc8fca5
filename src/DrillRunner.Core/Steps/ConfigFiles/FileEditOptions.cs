using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using DrillRunner.Templates;

namespace DrillRunner.Steps.ConfigFiles;

/// <summary>
/// How a config file is changed; exactly one of: <c>directive</c> with <c>value</c> (every line whose first word is the
/// directive gets the value, keeping its indentation, a trailing <c>;</c> and comment), <c>line</c> with <c>with</c>
/// (every line matching the regular expression is replaced, <c>$1</c> taking groups), or <c>template</c> (the whole
/// file from a Liquid template beside the drill, which sees the instance's variables and <c>original</c>).
/// </summary>
public sealed class FileEditOptions : IValidatableObject
{
    public string? Directive { get; init; }

    public string? Value { get; init; }

    public string? Line { get; init; }

    public string? With { get; init; }

    /// <summary>Path of a Liquid template, relative to the drill file.</summary>
    public string? Template { get; init; }

    /// <summary>Where <see cref="Template"/> is: relative to the drill file.</summary>
    internal string TemplatePath(string drillFile) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(drillFile) ?? ".", Template ?? ""));

    public string Describe() =>
        Directive is not null ? $"{Directive} {Value}"
        : Line is not null ? $"/{Line}/ -> {With}"
        : $"template {Template}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var given = new[] { Directive, Line, Template }.Count(v => v is not null);
        if (given != 1)
        {
            yield return new ValidationResult("give exactly one of directive (with value), line (with with) or template", [nameof(Directive)]);
            yield break;
        }

        if (Directive is not null && (Value is null || !Regex.IsMatch(Directive, @"^[A-Za-z0-9_.\-:]+( [A-Za-z0-9_.\-:]+)*$", RegexOptions.None, TimeSpan.FromMilliseconds(100))))
        {
            yield return new ValidationResult(
                Value is null ? "a directive needs a value" : $"'{Directive}' is not a directive name (words of letters, digits, '_', '.', '-', ':' separated by single spaces)",
                [Value is null ? nameof(Value) : nameof(Directive)]);
        }

        if (Line is not null)
        {
            if (With is null)
            {
                yield return new ValidationResult("a line edit needs with: the replacement", [nameof(With)]);
            }

            string? problem = null;
            try
            {
                _ = new Regex(Line, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                problem = $"'{Line}' is not a regular expression: {ex.Message}";
            }

            if (problem is not null)
            {
                yield return new ValidationResult(problem, [nameof(Line)]);
            }
        }

        if (Template is not null && (Value is not null || With is not null))
        {
            yield return new ValidationResult("a template edit takes no value or with", [nameof(Template)]);
        }
    }

    /// <summary>Checks the template file exists and parses; null when fine.</summary>
    internal string? TemplateProblem(string drillFile)
    {
        if (Template is null)
        {
            return null;
        }

        var path = TemplatePath(drillFile);
        if (!File.Exists(path))
        {
            return $"template '{Template}' not found ({path})";
        }

        return ConfigTemplate.Problem(File.ReadAllText(path)) is { } problem ? $"template '{Template}' does not parse: {problem}" : null;
    }
}
