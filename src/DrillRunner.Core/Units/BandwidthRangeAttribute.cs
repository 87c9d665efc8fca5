using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Units;

/// <summary>Bounds a <see cref="Bandwidth"/> option, checked when the drill loads (the error names the field).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BandwidthRangeAttribute(long minimumBitsPerSecond, long maximumBitsPerSecond) : ValidationAttribute
{
    public long MinimumBitsPerSecond { get; } = minimumBitsPerSecond;

    public long MaximumBitsPerSecond { get; } = maximumBitsPerSecond;

    public override bool IsValid(object? value) =>
        value is not Bandwidth rate || (rate.BitsPerSecond >= MinimumBitsPerSecond && rate.BitsPerSecond <= MaximumBitsPerSecond);

    public override string FormatErrorMessage(string name) =>
        $"must be between {new Bandwidth(MinimumBitsPerSecond)} and {new Bandwidth(MaximumBitsPerSecond)}";
}
