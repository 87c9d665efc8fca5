using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Units;

/// <summary>
/// An amount of memory or storage written as <c>64MiB</c>, <c>512MB</c>, <c>1GiB</c> or a plain number of bytes:
/// <c>KB</c>, <c>MB</c>, <c>GB</c> are decimal (1000), <c>KiB</c>, <c>MiB</c>, <c>GiB</c> binary (1024), as in Kubernetes.
/// </summary>
public readonly partial record struct ByteSize(long Bytes)
{
    /// <summary>1 TiB: nothing a drill limits or fills is larger.</summary>
    public const long Max = 1L << 40;

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out ByteSize value, out string? error)
    {
        value = default;
        error = null;
        var match = text.Length <= 40 ? Pattern().Match(text.Trim()) : Match.Empty;
        if (!match.Success)
        {
            error = $"'{DurationParser.Truncate(text)}' is not a size; write e.g. 64MiB, 512MB or 1GiB";
            return false;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var bytes = number * match.Groups[2].Value switch
        {
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            "KiB" => 1024d,
            "MiB" => 1024d * 1024,
            "GiB" => 1024d * 1024 * 1024,
            "TiB" => 1024d * 1024 * 1024 * 1024,
            _ => 1d,
        };
        if (bytes > Max)
        {
            error = $"'{text}' is above the maximum of 1TiB";
            return false;
        }

        value = new ByteSize((long)Math.Round(bytes));
        return true;
    }

    public override string ToString() => Bytes switch
    {
        >= 1L << 40 when Bytes % (1L << 40) == 0 => $"{Bytes >> 40}TiB",
        >= 1L << 30 when Bytes % (1L << 30) == 0 => $"{Bytes >> 30}GiB",
        >= 1L << 20 when Bytes % (1L << 20) == 0 => $"{Bytes >> 20}MiB",
        >= 1L << 10 when Bytes % (1L << 10) == 0 => $"{Bytes >> 10}KiB",
        >= 1_000_000 => $"{(Bytes / 1e6).ToString("0.##", CultureInfo.InvariantCulture)}MB",
        _ => $"{Bytes.ToString(CultureInfo.InvariantCulture)}B",
    };
}
