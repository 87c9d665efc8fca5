using DrillRunner.Scoring;

namespace DrillRunner.Core.Tests.Scoring;

public sealed class MeasurementTests
{
    [Theory]
    [InlineData(991005)] // 0.0991005 s: a canary RPO that truncation turned into 991004 ticks
    [InlineData(1)]
    [InlineData(48_012_345_679)]
    [InlineData(0)]
    public void A_duration_comes_back_to_the_tick(long ticks)
    {
        var duration = TimeSpan.FromTicks(ticks);

        Assert.Equal(duration, Measurement.Duration("rpo", duration).AsDuration());
    }

    [Fact]
    public void A_duration_read_from_saved_seconds_is_rounded_to_the_nearest_tick()
    {
        Assert.Equal(TimeSpan.FromTicks(991005), new Measurement("rpo", 0.09910049999, MeasurementUnit.Seconds).AsDuration());
        Assert.Equal(TimeSpan.FromSeconds(4.8), new Measurement("rpo", 4.8, MeasurementUnit.Seconds).AsDuration());
    }
}
