using System.Globalization;
using Cronos;
using DrillRunner.Model;

namespace DrillRunner.Scheduling;

/// <summary>
/// A drill's schedule made checkable: cron occurrences, allowed windows and blackout dates in the schedule's time
/// zone. Pure functions of the instant given, so tests use any clock.
/// </summary>
internal sealed class SchedulePolicy
{
    private const int MaxOccurrencesScanned = 10_000;

    private SchedulePolicy(ScheduleSpec spec, CronExpression cron, TimeZoneInfo zone, IReadOnlyList<ScheduleWindow> windows, IReadOnlySet<DateOnly> blackouts)
    {
        Spec = spec;
        Cron = cron;
        Zone = zone;
        Windows = windows;
        Blackouts = blackouts;
    }

    public ScheduleSpec Spec { get; }

    public CronExpression Cron { get; }

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<ScheduleWindow> Windows { get; }

    public IReadOnlySet<DateOnly> Blackouts { get; }

    /// <summary>Parses every part; throws <see cref="FormatException"/> naming the bad one.</summary>
    public static SchedulePolicy Parse(ScheduleSpec spec)
    {
        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(spec.Cron);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"schedule.cron '{spec.Cron}': {ex.Message}", ex);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(spec.TimeZone, out var zone))
        {
            throw new FormatException($"schedule.timeZone '{spec.TimeZone}' is not a known time zone (e.g. UTC, Europe/Berlin)");
        }

        var blackouts = spec.Blackouts.Select(b => DateOnly.TryParseExact(b, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"schedule.blackouts: '{b}' is not a date (yyyy-MM-dd)")).ToHashSet();
        return new SchedulePolicy(spec, cron, zone, [.. spec.Windows.Select(ScheduleWindow.Parse)], blackouts);
    }

    /// <summary>Null when a run may start at <paramref name="instant"/>, else why not.</summary>
    public string? WhyNotAllowed(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        if (Blackouts.Contains(DateOnly.FromDateTime(local)))
        {
            return $"{DateOnly.FromDateTime(local):yyyy-MM-dd} is a blackout date";
        }

        if (Windows.Count > 0 && !Windows.Any(w => w.Contains(local)))
        {
            return $"{local:ddd HH:mm} ({Zone.Id}) is outside the allowed windows {string.Join(", ", Spec.Windows)}";
        }

        return null;
    }

    /// <summary>The next cron occurrence after <paramref name="after"/> that is allowed, or null if none soon.</summary>
    public DateTimeOffset? NextAllowed(DateTimeOffset after)
    {
        var from = after;
        for (var i = 0; i < MaxOccurrencesScanned; i++)
        {
            var next = Cron.GetNextOccurrence(from, Zone);
            if (next is null || WhyNotAllowed(next.Value) is null)
            {
                return next;
            }

            from = next.Value;
        }

        return null;
    }
}
