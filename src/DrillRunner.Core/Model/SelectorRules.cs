using System.Text.RegularExpressions;

namespace DrillRunner.Model;

/// <summary>
/// What makes a selector safe to drill with: it names something. An empty label matches every container, a key-only
/// label every container carrying the key whatever its value, an unanchored pattern (<c>slow</c>) every name containing
/// it, and <c>^.*$</c> everything; a <c>kill</c> with <c>percent: 100%</c> would then hit containers of other
/// environments. The loader refuses such selectors and the Docker driver refuses to act on one.
/// </summary>
public static class SelectorRules
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Names no real container has: a pattern matching them matches (nearly) anything.
    private static readonly string[] Canaries = ["x", "drillrunner-selector-canary-7f3a9c2e1b", "0"];

    /// <summary>Why <see cref="SelectorSpec.Label"/> is unsafe, or null when it is a <c>key=value</c> pair.</summary>
    public static string? LabelProblem(string? label)
    {
        if (label is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            return "is empty: it would match every container on the engine; give key=value";
        }

        var parts = label.Split('=', 2);
        if (parts.Length == 1)
        {
            return $"'{label}' has no value: it would match every container carrying the key '{label}', whatever its value; give {label}=VALUE";
        }

        if (string.IsNullOrWhiteSpace(parts[0]))
        {
            return $"'{label}' has no key; give key=value";
        }

        return string.IsNullOrWhiteSpace(parts[1])
            ? $"'{label}' has an empty value; give {parts[0]}=VALUE"
            : null;
    }

    /// <summary>Why <see cref="SelectorSpec.NamePattern"/> is unsafe, or null when it is an anchored, specific pattern.</summary>
    public static string? NamePatternProblem(string? pattern)
    {
        if (pattern is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "is empty: it would match every container name; give an anchored pattern such as ^legacy-app-[0-9]+$";
        }

        if (!pattern.StartsWith('^') || !(pattern.EndsWith('$') && !pattern.EndsWith(@"\$", StringComparison.Ordinal)))
        {
            return $"'{pattern}' is not anchored: it would match every container whose name contains it; write ^{pattern.TrimStart('^').TrimEnd('$')}$ (or a narrower ^...$ pattern)";
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            return $"'{pattern}' is not a valid regular expression: {ex.Message}";
        }

        try
        {
            return Canaries.Any(regex.IsMatch)
                ? $"'{pattern}' matches any container name; name the containers (e.g. ^legacy-app-[0-9]+$)"
                : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return $"'{pattern}' takes too long to match; simplify it";
        }
    }

    /// <summary>Every problem of <paramref name="selector"/> as (field, message); empty when it is safe.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(SelectorSpec selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var problems = new List<(string, string)>();
        if (selector.Label is null && selector.NamePattern is null)
        {
            problems.Add(("", "has no label and no namePattern (an empty value counts as none): it would match every container on the engine; give label: key=value and/or namePattern: ^...$"));
        }

        if (LabelProblem(selector.Label) is { } label)
        {
            problems.Add(("label", label));
        }

        if (NamePatternProblem(selector.NamePattern) is { } name)
        {
            problems.Add(("namePattern", name));
        }

        return problems;
    }

    /// <summary>
    /// Whether a container with these labels and this name is selected. An unsafe selector (see <see cref="Problems"/>)
    /// selects nothing, whatever it would have matched.
    /// </summary>
    public static bool Matches(SelectorSpec selector, IDictionary<string, string> labels, string name)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(labels);
        if (Problems(selector).Count > 0)
        {
            return false;
        }

        if (selector.Label is { } label)
        {
            var parts = label.Split('=', 2);
            if (!labels.TryGetValue(parts[0], out var value) || value != parts[1])
            {
                return false;
            }
        }

        return selector.NamePattern is not { } pattern || Regex.IsMatch(name, pattern, RegexOptions.CultureInvariant, MatchTimeout);
    }
}
