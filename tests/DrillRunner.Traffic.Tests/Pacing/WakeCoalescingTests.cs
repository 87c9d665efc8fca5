using DrillRunner.Traffic.Pacing;

namespace DrillRunner.Traffic.Tests.Pacing;

public sealed class WakeCoalescingTests
{
    private const long Frequency = 1_000_000_000; // nanosecond ticks

    [Theory]
    [InlineData(1_000, 250_000)] // 1/s: shortest window
    [InlineData(10_000, 250_000)] // 10k/s: send-time error stays far under 1 ms
    [InlineData(40_000, 500_000)]
    [InlineData(80_000, 1_000_000)]
    [InlineData(500_000, 1_000_000)] // capped: never more than 1 ms late
    public void Window_grows_with_the_rate_between_250_us_and_1_ms(double rate, long expectedNanos)
    {
        var gap = (long)(Frequency / rate);

        Assert.Equal(expectedNanos, WakeCoalescing.WindowTicks(gap, Frequency), tolerance: 1_000);
    }

    [Fact]
    public void Requests_due_at_the_same_instant_get_the_longest_window()
    {
        Assert.Equal(1_000_000, WakeCoalescing.WindowTicks(0, Frequency));
    }

    [Fact]
    public void Window_never_shrinks_as_the_rate_rises()
    {
        var previous = 0L;
        for (var rate = 100.0; rate <= 1_000_000; rate *= 1.3)
        {
            var window = WakeCoalescing.WindowTicks((long)(Frequency / rate), Frequency);
            Assert.True(window >= previous, $"{window} at {rate}/s after {previous}");
            previous = window;
        }
    }
}
