using DrillRunner.Traffic.Pacing;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Traffic.Tests.Pacing;

public sealed class PacerTests
{
    [Fact]
    public void Constant_rate_spaces_requests_evenly_from_the_start()
    {
        var arrivals = ArrivalsOnFakeClock(new Pacer(ArrivalProfile.Constant(100, TimeSpan.FromSeconds(1))), TimeSpan.FromSeconds(1.5));

        Assert.Equal(100, arrivals.Count);
        for (var i = 0; i < arrivals.Count; i++)
        {
            Assert.Equal(i * 10.0, arrivals[i].TotalMilliseconds, precision: 6);
        }
    }

    [Fact]
    public void Ramp_from_0_to_100_per_second_over_10_seconds_plans_500_requests_spaced_by_the_rising_rate()
    {
        var pacer = new Pacer(ArrivalProfile.Ramp(0, 100, TimeSpan.FromSeconds(10)));

        var arrivals = ArrivalsOnFakeClock(pacer, TimeSpan.FromSeconds(11));

        Assert.Equal(500, pacer.PlannedRequests);
        Assert.Equal(500, arrivals.Count);
        for (var i = 0; i < arrivals.Count; i++)
        {
            // Cumulative count 5 t^2 reaches i at t = sqrt(i / 5); the fake clock ticks in 1 ms steps.
            Assert.InRange(arrivals[i].TotalSeconds - Math.Sqrt(i / 5.0), 0, 0.001);
        }

        Assert.True(arrivals[1] - arrivals[0] > arrivals[499] - arrivals[498], "gaps shrink as the rate rises");
        Assert.InRange((arrivals[499] - arrivals[498]).TotalMilliseconds, 9.9, 11.1);
    }

    [Fact]
    public void Sequence_of_baseline_ramp_and_hold_plans_the_area_under_the_rate()
    {
        var profile = ArrivalProfile.Sequence(
            new RateSegment(50, 50, TimeSpan.FromSeconds(2)),
            new RateSegment(50, 500, TimeSpan.FromSeconds(3)),
            new RateSegment(500, 500, TimeSpan.FromSeconds(1)));
        var pacer = new Pacer(profile);

        Assert.Equal(100 + 825 + 500, pacer.PlannedRequests);
        Assert.Equal(TimeSpan.FromSeconds(6), profile.Duration);
        Assert.Equal(101, pacer.DueCount(TimeSpan.FromSeconds(2)));
        Assert.Equal(2.0, pacer.IntendedSeconds(100), precision: 9);
        Assert.Equal(5.0, pacer.IntendedSeconds(925), precision: 9);
        Assert.Equal(pacer.PlannedRequests, pacer.DueCount(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Spike_steps_up_and_back_down()
    {
        var pacer = new Pacer(ArrivalProfile.Spike(10, 100, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));

        Assert.Equal(20 + 100 + 20, pacer.PlannedRequests);
        Assert.Equal(0.1, pacer.IntendedSeconds(1), precision: 9);
        Assert.Equal(2.01, pacer.IntendedSeconds(21), precision: 9);
        Assert.Equal(3.1, pacer.IntendedSeconds(121), precision: 9);
    }

    [Fact]
    public void Intended_times_agree_with_due_counts()
    {
        var pacer = new Pacer(ArrivalProfile.Ramp(300, 20, TimeSpan.FromSeconds(4)));

        for (long i = 0; i < pacer.PlannedRequests; i++)
        {
            var at = pacer.IntendedOffset(i);
            Assert.Equal(i + 1, pacer.DueCount(at + TimeSpan.FromTicks(1)));
        }
    }

    [Fact]
    public void Spike_that_ends_after_the_profile_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ArrivalProfile.Spike(10, 100, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)));
    }

    private static List<TimeSpan> ArrivalsOnFakeClock(Pacer pacer, TimeSpan horizon)
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetTimestamp();
        var arrivals = new List<TimeSpan>();
        long seen = 0;
        while (clock.GetElapsedTime(start) <= horizon)
        {
            var elapsed = clock.GetElapsedTime(start);
            for (var due = pacer.DueCount(elapsed); seen < due; seen++)
            {
                arrivals.Add(elapsed);
            }

            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        return arrivals;
    }
}
