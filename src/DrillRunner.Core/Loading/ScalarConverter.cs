using System.Globalization;
using DrillRunner.Units;

namespace DrillRunner.Loading;

/// <summary>Converts a YAML scalar to a .NET value of the property's type, or explains why not.</summary>
internal static class ScalarConverter
{
    public static bool IsScalarType(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(double) || type == typeof(TimeSpan) || type == typeof(Rate)
        || type == typeof(Percentage) || type == typeof(ByteSize) || type == typeof(Bandwidth) || type.IsEnum;

    public static bool TryConvert(string text, Type type, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        if (type == typeof(bool))
        {
            var ok = bool.TryParse(text, out var flag);
            value = flag;
            error = ok ? null : $"'{DurationParser.Truncate(text)}' is not true or false";
            return ok;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            var ok = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                && (type == typeof(long) || number is >= int.MinValue and <= int.MaxValue);
            value = type == typeof(int) ? (object)(int)(ok ? number : 0) : number;
            error = ok ? null : $"'{DurationParser.Truncate(text)}' is not a whole number in range";
            return ok;
        }

        if (type == typeof(double))
        {
            var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number);
            value = number;
            error = ok ? null : $"'{DurationParser.Truncate(text)}' is not a number";
            return ok;
        }

        if (type == typeof(TimeSpan))
        {
            var ok = DurationParser.TryParse(text, out var duration, out error);
            value = duration;
            return ok;
        }

        if (type == typeof(Rate))
        {
            var ok = Rate.TryParse(text, out var rate, out error);
            value = rate;
            return ok;
        }

        if (type == typeof(Percentage))
        {
            var ok = Percentage.TryParse(text, out var share, out error);
            value = share;
            return ok;
        }

        if (type == typeof(ByteSize))
        {
            var ok = ByteSize.TryParse(text, out var size, out error);
            value = size;
            return ok;
        }

        if (type == typeof(Bandwidth))
        {
            var ok = Bandwidth.TryParse(text, out var bandwidth, out error);
            value = bandwidth;
            return ok;
        }

        return TryConvertEnum(text, type, out value, out error);
    }

    private static bool TryConvertEnum(string text, Type type, out object? value, out string? error)
    {
        var names = Enum.GetNames(type);
        var match = names.FirstOrDefault(n => string.Equals(KebabCase.From(n), text, StringComparison.Ordinal));
        value = match is null ? null : Enum.Parse(type, match);
        error = match is null
            ? $"'{DurationParser.Truncate(text)}' is not one of: {string.Join(", ", names.Select(KebabCase.From))}"
            : null;
        return match is not null;
    }
}
