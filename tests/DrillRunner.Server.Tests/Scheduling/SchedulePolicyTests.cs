using DrillRunner.Model;
using DrillRunner.Scheduling;

namespace DrillRunner.Server.Tests.Scheduling;

public sealed class SchedulePolicyTests
{
    // 2026-11-23 is a Monday.
    private static readonly DateTimeOffset MondayNoonUtc = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Mon-Fri 09:00-17:00", "2026-11-23T12:00:00Z", true)]
    [InlineData("Mon-Fri 09:00-17:00", "2026-11-23T17:00:00Z", false)]
    [InlineData("Mon-Fri 09:00-17:00", "2026-11-23T08:59:00Z", false)]
    [InlineData("Mon-Fri 09:00-17:00", "2026-11-28T12:00:00Z", false)]
    [InlineData("Sat,Sun 10:00-12:00", "2026-11-29T11:00:00Z", true)]
    [InlineData("09:00-17:00", "2026-11-29T09:00:00Z", true)]
    [InlineData("Fri-Mon 00:00-24:00", "2026-11-29T23:59:00Z", true)]
    [InlineData("Fri-Mon 00:00-24:00", "2026-11-25T10:00:00Z", false)]
    [InlineData("Mon 22:00-06:00", "2026-11-24T05:00:00Z", true)]
    [InlineData("Mon 22:00-06:00", "2026-11-24T07:00:00Z", false)]
    public void A_window_contains_exactly_its_days_and_hours(string window, string instant, bool expected) =>
        Assert.Equal(expected, ScheduleWindow.Parse(window).Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime));

    [Theory]
    [InlineData("Mon-Fri", "not like")]
    [InlineData("Mo-Fr 09:00-17:00", "unknown day 'Mo'")]
    [InlineData("Mon 25:00-26:00", "not a time of day")]
    public void A_malformed_window_is_rejected_with_the_reason(string window, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => ScheduleWindow.Parse(window)).Message, StringComparison.Ordinal);

    [Fact]
    public void An_occurrence_outside_the_windows_or_on_a_blackout_date_is_not_allowed_and_says_why()
    {
        var policy = SchedulePolicy.Parse(new ScheduleSpec { Cron = "0 * * * *", Windows = ["Mon-Fri 09:00-17:00"], Blackouts = ["2026-12-24"] });

        Assert.Null(policy.WhyNotAllowed(MondayNoonUtc));
        Assert.Contains("outside the allowed windows", policy.WhyNotAllowed(MondayNoonUtc.AddHours(8)), StringComparison.Ordinal);
        Assert.Contains("2026-12-24 is a blackout date", policy.WhyNotAllowed(new DateTimeOffset(2026, 12, 24, 12, 0, 0, TimeSpan.Zero)), StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_are_read_in_the_schedule_time_zone()
    {
        var policy = SchedulePolicy.Parse(new ScheduleSpec { Cron = "0 * * * *", TimeZone = "America/New_York", Windows = ["Mon-Fri 09:00-17:00"] });

        // 12:00 UTC is 07:00 in New York (EST): too early there.
        Assert.NotNull(policy.WhyNotAllowed(MondayNoonUtc));
        Assert.Null(policy.WhyNotAllowed(MondayNoonUtc.AddHours(3)));
    }

    [Fact]
    public void The_next_allowed_run_skips_occurrences_outside_windows_and_blackouts()
    {
        var policy = SchedulePolicy.Parse(new ScheduleSpec { Cron = "0 3 * * *", Windows = ["Mon-Fri 00:00-06:00"], Blackouts = ["2026-11-24"] });

        // Monday 12:00 -> Tuesday 03:00 is a blackout -> Wednesday 03:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero), policy.NextAllowed(MondayNoonUtc));

        // Friday 12:00 -> Saturday and Sunday are outside the windows -> Monday 03:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero), policy.NextAllowed(MondayNoonUtc.AddDays(4)));
    }

    [Theory]
    [InlineData("not cron", "UTC", "schedule.cron")]
    [InlineData("0 3 * * *", "Mars/Olympus", "schedule.timeZone")]
    public void A_bad_cron_or_time_zone_is_rejected_naming_the_field(string cron, string zone, string field) =>
        Assert.Contains(field, Assert.Throws<FormatException>(() => SchedulePolicy.Parse(new ScheduleSpec { Cron = cron, TimeZone = zone })).Message, StringComparison.Ordinal);
}
