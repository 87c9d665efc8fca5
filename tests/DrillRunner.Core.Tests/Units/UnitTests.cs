using DrillRunner.Units;

namespace DrillRunner.Core.Tests.Units;

public sealed class UnitTests
{
    [Theory]
    [InlineData("64MiB", 64L << 20)]
    [InlineData("512MB", 512_000_000L)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("4096", 4096L)]
    [InlineData("10 KB", 10_000L)]
    public void Sizes_are_decimal_with_KB_and_binary_with_KiB(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var size, out var error), error);
        Assert.Equal(bytes, size.Bytes);
    }

    [Theory]
    [InlineData("64mb")]
    [InlineData("-1MB")]
    [InlineData("2TiB")]
    [InlineData("")]
    public void A_size_that_is_not_one_is_refused_with_an_example(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _, out var error));
        Assert.Contains(text.Length == 0 || text == "-1MB" || text == "64mb" ? "write e.g. 64MiB" : "maximum", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8mbit", 8_000_000L)]
    [InlineData("500kbit", 500_000L)]
    [InlineData("1MB/s", 8_000_000L)]
    [InlineData("100KB/s", 800_000L)]
    [InlineData("1gbit", 1_000_000_000L)]
    public void Bandwidths_are_read_as_tc_writes_them_or_in_bytes_per_second(string text, long bits)
    {
        Assert.True(Bandwidth.TryParse(text, out var rate, out var error), error);
        Assert.Equal(bits, rate.BitsPerSecond);
    }

    [Fact]
    public void Units_print_as_they_are_written()
    {
        Assert.Equal("64MiB", new ByteSize(64L << 20).ToString());
        Assert.Equal("8mbit", new Bandwidth(8_000_000).ToString());
        Assert.Equal("1500bit", new Bandwidth(1500).ToString());
    }

    [Fact]
    public void Range_attributes_name_the_bounds_in_the_unit()
    {
        var size = new SizeRangeAttribute(6L << 20, 1L << 30);
        Assert.False(size.IsValid(new ByteSize(1L << 20)));
        Assert.True(size.IsValid(new ByteSize(64L << 20)));
        Assert.Equal("must be between 6MiB and 1GiB", size.FormatErrorMessage("Limit"));
        Assert.False(new BandwidthRangeAttribute(8_000, 1_000_000).IsValid(new Bandwidth(0)));
        Assert.False(new ShareRangeAttribute(1, 95).IsValid(new Percentage(0.96)));
        Assert.True(new ShareRangeAttribute(1, 95).IsValid(new Percentage(0.95)));
    }
}
