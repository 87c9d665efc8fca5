using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Scheduling;

/// <summary>
/// An allowed window such as <c>Mon-Fri 09:00-17:00</c>, <c>Sat,Sun 10:00-12:00</c> or <c>09:00-17:00</c> (every day),
/// in local time of the schedule's time zone. The end is exclusive; <c>22:00-06:00</c> runs over midnight.
/// </summary>
internal sealed partial record ScheduleWindow(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    [GeneratedRegex(@"^\s*(?:(?<days>[A-Za-z,\-]+)\s+)?(?<start>\d{1,2}:\d{2})\s*-\s*(?<end>\d{1,2}:\d{2})\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    public static ScheduleWindow Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"window '{text}' is not like 'Mon-Fri 09:00-17:00' or '09:00-17:00'");
        }

        var days = match.Groups["days"].Success ? ParseDays(match.Groups["days"].Value, text) : Enum.GetValues<DayOfWeek>().ToHashSet();
        return new ScheduleWindow(days, ParseTime(match.Groups["start"].Value, text), ParseTime(match.Groups["end"].Value, text));
    }

    /// <summary>Whether a local time falls in the window; for an over-midnight window the day is the one it started on.</summary>
    public bool Contains(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (Start < End)
        {
            return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
        }

        return (Days.Contains(local.DayOfWeek) && time >= Start) || (Days.Contains(local.AddDays(-1).DayOfWeek) && time < End);
    }

    private static HashSet<DayOfWeek> ParseDays(string text, string window)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            var first = Day(range[0], window);
            var last = range.Length == 2 ? Day(range[1], window) : first;
            if (range.Length > 2)
            {
                throw new FormatException($"window '{window}': '{part}' is not a day or a day range");
            }

            for (var d = first; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == last)
                {
                    break;
                }
            }
        }

        return days;
    }

    private static int Day(string name, string window)
    {
        var index = Array.FindIndex(DayNames, d => d.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new FormatException($"window '{window}': unknown day '{name}' (use {string.Join(", ", DayNames)})");
    }

    private static TimeOnly ParseTime(string text, string window) =>
        text == "24:00" ? TimeOnly.MaxValue
        : TimeOnly.TryParseExact(text.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new FormatException($"window '{window}': '{text}' is not a time of day (HH:mm)");
}
