using DrillRunner.Units;

namespace DrillRunner.Core.Tests.Units;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1h", 3_600_000)]
    public void Durations_in_drill_notation_parse(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value, out var error), error);
        Assert.Equal(milliseconds, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("-5s", "negative")]
    [InlineData("5", "not a duration")]
    [InlineData("5 seconds", "not a duration")]
    [InlineData("8d", "longer than the maximum")]
    [InlineData("99999999999999999999999h", "longer than the maximum")]
    public void Bad_durations_are_rejected_with_a_reason(string text, string reason)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("200/s", 200)]
    [InlineData("600/m", 10)]
    public void Rates_parse_per_second(string text, double perSecond)
    {
        Assert.True(Rate.TryParse(text, out var rate, out _));
        Assert.Equal(perSecond, rate.PerSecond, 6);
    }

    [Theory]
    [InlineData("99.5%", 0.995)]
    [InlineData("0%", 0)]
    public void Percentages_parse_to_fractions(string text, double fraction)
    {
        Assert.True(Percentage.TryParse(text, out var value, out _));
        Assert.Equal(fraction, value.Fraction, 6);
    }

    [Theory]
    [InlineData("101%")]
    [InlineData("0.99")]
    public void Percentages_out_of_range_or_without_a_sign_are_rejected(string text) =>
        Assert.False(Percentage.TryParse(text, out _, out _));

    [Theory]
    [InlineData("4h", "4h")]
    [InlineData("90m", "1h30m")]
    [InlineData("3h0m7s", "3h7s")]
    [InlineData("7d", "168h")]
    public void Durations_of_an_hour_or_more_format_in_hours_and_parse_back(string text, string formatted)
    {
        Assert.True(DurationParser.TryParse(text, out var value, out _));
        Assert.Equal(formatted, DurationParser.Format(value));
        Assert.True(DurationParser.TryParse(formatted, out var again, out _));
        Assert.Equal(value, again);
    }
}
