using System.Text.RegularExpressions;
using DrillRunner.Templates;

namespace DrillRunner.Steps.ConfigFiles;

/// <summary>Applies a <see cref="FileEditOptions"/> to a file's text; throws <see cref="FileEditException"/> when it cannot.</summary>
internal static class FileEdits
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The edited text. <paramref name="templateText"/> is the template's text for a template edit.</summary>
    public static string Apply(string original, FileEditOptions edit, string path, IReadOnlyDictionary<string, object?> variables, string? templateText)
    {
        string edited;
        if (edit.Template is not null)
        {
            var all = new Dictionary<string, object?>(variables, StringComparer.Ordinal) { ["original"] = original };
            try
            {
                edited = ConfigTemplate.Render(templateText ?? "", all, $"template {edit.Template}");
            }
            catch (TemplateException ex)
            {
                throw new FileEditException($"{ex.Message}; {path} was not changed", ex);
            }
        }
        else if (edit.Directive is not null)
        {
            edited = ReplaceLines(original, DirectivePattern(edit.Directive), m => $"{m.Groups[1].Value}{m.Groups[2].Value}{m.Groups[3].Value}{edit.Value}{m.Groups[5].Value}{m.Groups[6].Value}", $"directive '{edit.Directive}'", path);
        }
        else
        {
            var pattern = new Regex(edit.Line!, RegexOptions.CultureInvariant, RegexTimeout);
            edited = ReplaceLines(original, pattern, m => m.Result(edit.With!), $"a line matching /{edit.Line}/", path);
        }

        return edited == original
            ? throw new FileEditException($"the edit ({edit.Describe()}) changes nothing in {path}: it already reads so")
            : edited;
    }

    // Indentation, name, separator, value, an optional ';' and a trailing comment.
    private static Regex DirectivePattern(string directive) =>
        new($@"^(\s*)({string.Join(@"\s+", directive.Split(' ').Select(Regex.Escape))})(\s+)([^;#\r]*?)(\s*;)?(\s*#[^\r]*)?$", RegexOptions.CultureInvariant, RegexTimeout);

    private static string ReplaceLines(string text, Regex pattern, Func<Match, string> replacement, string what, string path)
    {
        var lines = text.Split('\n');
        var changed = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var ending = line.EndsWith('\r') ? "\r" : "";
            var body = ending.Length == 0 ? line : line[..^1];
            var match = pattern.Match(body);
            if (match.Success)
            {
                lines[i] = replacement(match) + ending;
                changed++;
            }
        }

        return changed == 0
            ? throw new FileEditException($"{what} not found in {path}; it was not changed")
            : string.Join('\n', lines);
    }
}
