using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace DrillRunner.Units;

/// <summary>Bounds a <see cref="Percentage"/> option (in percent), checked when the drill loads.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ShareRangeAttribute(double minimumPercent, double maximumPercent) : ValidationAttribute
{
    public double MinimumPercent { get; } = minimumPercent;

    public double MaximumPercent { get; } = maximumPercent;

    public override bool IsValid(object? value) =>
        value is not Percentage share || (share.Fraction * 100 >= MinimumPercent - 1e-9 && share.Fraction * 100 <= MaximumPercent + 1e-9);

    public override string FormatErrorMessage(string name) =>
        $"must be between {MinimumPercent.ToString("0.###", CultureInfo.InvariantCulture)}% and {MaximumPercent.ToString("0.###", CultureInfo.InvariantCulture)}%";
}
