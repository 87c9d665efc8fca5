using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Units;

/// <summary>
/// A link rate written as tc does, <c>500kbit</c>, <c>8mbit</c>, <c>1gbit</c> (bits per second, decimal), or in bytes
/// as <c>100KB/s</c>, <c>1MB/s</c>.
/// </summary>
public readonly partial record struct Bandwidth(long BitsPerSecond)
{
    /// <summary>100 gbit: far above any link a drill slows down.</summary>
    public const long Max = 100_000_000_000;

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(bit|kbit|mbit|gbit|B/s|KB/s|MB/s|GB/s)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    public double BytesPerSecond => BitsPerSecond / 8d;

    public static bool TryParse(string text, out Bandwidth value, out string? error)
    {
        value = default;
        error = null;
        var match = text.Length <= 40 ? Pattern().Match(text.Trim()) : Match.Empty;
        if (!match.Success)
        {
            error = $"'{DurationParser.Truncate(text)}' is not a bandwidth; write e.g. 500kbit, 8mbit or 1MB/s";
            return false;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var bits = number * match.Groups[2].Value switch
        {
            "kbit" => 1e3,
            "mbit" => 1e6,
            "gbit" => 1e9,
            "B/s" => 8d,
            "KB/s" => 8e3,
            "MB/s" => 8e6,
            "GB/s" => 8e9,
            _ => 1d,
        };
        if (bits > Max)
        {
            error = $"'{text}' is above the maximum of 100gbit";
            return false;
        }

        value = new Bandwidth((long)Math.Round(bits));
        return true;
    }

    public override string ToString() => BitsPerSecond switch
    {
        >= 1_000_000_000 when BitsPerSecond % 1_000_000_000 == 0 => $"{BitsPerSecond / 1_000_000_000}gbit",
        >= 1_000_000 when BitsPerSecond % 1_000_000 == 0 => $"{BitsPerSecond / 1_000_000}mbit",
        >= 1_000 when BitsPerSecond % 1_000 == 0 => $"{BitsPerSecond / 1_000}kbit",
        _ => $"{BitsPerSecond.ToString(CultureInfo.InvariantCulture)}bit",
    };
}
