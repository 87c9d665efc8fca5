using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Units;

/// <summary>A request rate written as <c>200/s</c>, <c>3000/m</c>.</summary>
public readonly partial record struct Rate(double PerSecond)
{
    public const double Max = 1_000_000;

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*/\s*(s|m|h)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out Rate value, out string? error)
    {
        value = default;
        error = null;
        var match = text.Length <= 40 ? Pattern().Match(text.Trim()) : Match.Empty;
        if (!match.Success)
        {
            error = $"'{DurationParser.Truncate(text)}' is not a rate; write e.g. 200/s or 3000/m";
            return false;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var perSecond = match.Groups[2].Value switch
        {
            "s" => number,
            "m" => number / 60,
            _ => number / 3600,
        };
        if (perSecond > Max)
        {
            error = $"'{text}' is above the maximum of {Max.ToString(CultureInfo.InvariantCulture)}/s";
            return false;
        }

        value = new Rate(perSecond);
        return true;
    }

    public override string ToString() => $"{PerSecond.ToString("0.##", CultureInfo.InvariantCulture)}/s";
}
