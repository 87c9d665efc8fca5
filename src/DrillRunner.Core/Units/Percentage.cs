using System.Globalization;

namespace DrillRunner.Units;

/// <summary>A share written as <c>99.5%</c>; held as a fraction in [0, 1].</summary>
public readonly record struct Percentage(double Fraction)
{
    public static bool TryParse(string text, out Percentage value, out string? error)
    {
        value = default;
        error = null;
        var trimmed = text.Trim();
        if (!trimmed.EndsWith('%')
            || !double.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || number < 0 || number > 100 || double.IsNaN(number))
        {
            error = $"'{DurationParser.Truncate(text)}' is not a percentage; write e.g. 99.5% (0% to 100%)";
            return false;
        }

        value = new Percentage(number / 100);
        return true;
    }

    public override string ToString() => $"{(Fraction * 100).ToString("0.###", CultureInfo.InvariantCulture)}%";
}
