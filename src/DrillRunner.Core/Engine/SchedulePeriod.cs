using Cronos;
using DrillRunner.Model;

namespace DrillRunner.Engine;

/// <summary>How often a drill's schedule runs it: the longest gap between its next occurrences.</summary>
public static class SchedulePeriod
{
    private const int Looked = 8;

    /// <summary>The longest of the gaps between the next occurrences after <paramref name="from"/>; null without a readable schedule.</summary>
    public static TimeSpan? Of(ScheduleSpec? schedule, DateTimeOffset from)
    {
        if (schedule is null || !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone))
        {
            return null;
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(schedule.Cron);
        }
        catch (CronFormatException)
        {
            return null;
        }

        var occurrences = cron.GetOccurrences(from, from.AddYears(2), zone).Take(Looked + 1).ToList();
        return occurrences.Count < 2 ? null : occurrences.Zip(occurrences.Skip(1), (a, b) => b - a).Max();
    }
}
