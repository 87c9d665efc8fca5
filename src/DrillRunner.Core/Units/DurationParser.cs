using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Units;

/// <summary>Parses durations written as <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> or combinations like <c>1m30s</c>.</summary>
public static partial class DurationParser
{
    // Bounded so a hostile file cannot ask for a drill that outlives the machine.
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)(ms|s|m|h|d))+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h|d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan value, out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
        {
            error = "a duration cannot be negative";
            return false;
        }

        if (trimmed.Length > 40 || !Whole().IsMatch(trimmed))
        {
            error = $"'{Truncate(text)}' is not a duration; write e.g. 500ms, 30s, 2m, 1h or 1m30s";
            return false;
        }

        double totalMs = 0;
        foreach (Match part in Part().Matches(trimmed))
        {
            var number = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            totalMs += number * part.Groups[2].Value switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => 86_400_000,
            };
        }

        if (double.IsInfinity(totalMs) || totalMs > Max.TotalMilliseconds)
        {
            error = $"'{Truncate(text)}' is longer than the maximum of {Format(Max)}";
            return false;
        }

        value = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>Formats a duration the way drill files write it (<c>1m30s</c>, <c>450ms</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}ms";
        }

        if (value < TimeSpan.FromMinutes(1))
        {
            return $"{value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s";
        }

        if (value >= TimeSpan.FromHours(1))
        {
            var hours = ((long)value.TotalHours).ToString(CultureInfo.InvariantCulture);
            return hours + "h" + (value.Minutes > 0 ? value.Minutes.ToString(CultureInfo.InvariantCulture) + "m" : "")
                + (value.Seconds > 0 ? value.Seconds.ToString(CultureInfo.InvariantCulture) + "s" : "");
        }

        var minutes = (int)value.TotalMinutes;
        var seconds = value.Seconds;
        return seconds == 0
            ? $"{minutes.ToString(CultureInfo.InvariantCulture)}m"
            : $"{minutes.ToString(CultureInfo.InvariantCulture)}m{seconds.ToString(CultureInfo.InvariantCulture)}s";
    }

    internal static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
