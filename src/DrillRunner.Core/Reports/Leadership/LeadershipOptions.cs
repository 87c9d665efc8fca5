using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Reports.Leadership;

/// <summary>What the leadership report rolls up and how.</summary>
public sealed partial class LeadershipOptions
{
    /// <summary>The period covered: runs started within this long before now.</summary>
    public TimeSpan Since { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Drills that should be run even when the journal has no run of them (e.g. every drill file).</summary>
    public IReadOnlyList<string> KnownDrills { get; init; } = [];

    /// <summary>How many of each drill's latest scores make its trend.</summary>
    public int TrendLength { get; init; } = 5;

    /// <summary>How many of each drill's latest runs count for RTO/RPO compliance.</summary>
    public int ComplianceRuns { get; init; } = 5;

    /// <summary>A drill not run for longer than this is stale.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A change of the score across the trend of at least this many points is a direction, less is steady.</summary>
    public double TrendThreshold { get; init; } = 5;

    [GeneratedRegex(@"^(\d{1,4})(h|d|w)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PeriodPattern();

    /// <summary>Parses a reporting period such as <c>90d</c>, <c>12w</c> or <c>48h</c>.</summary>
    public static bool TryParsePeriod(string text, out TimeSpan period)
    {
        period = TimeSpan.Zero;
        var match = PeriodPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var count = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        period = match.Groups[2].Value switch
        {
            "h" => TimeSpan.FromHours(count),
            "d" => TimeSpan.FromDays(count),
            _ => TimeSpan.FromDays(7 * count),
        };
        return count > 0;
    }
}
