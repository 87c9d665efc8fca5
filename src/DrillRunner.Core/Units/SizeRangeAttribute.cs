using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Units;

/// <summary>Bounds a <see cref="ByteSize"/> option, checked when the drill loads (the error names the field).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SizeRangeAttribute(long minimumBytes, long maximumBytes) : ValidationAttribute
{
    public long MinimumBytes { get; } = minimumBytes;

    public long MaximumBytes { get; } = maximumBytes;

    public override bool IsValid(object? value) =>
        value is not ByteSize size || (size.Bytes >= MinimumBytes && size.Bytes <= MaximumBytes);

    public override string FormatErrorMessage(string name) =>
        $"must be between {new ByteSize(MinimumBytes)} and {new ByteSize(MaximumBytes)}";
}
