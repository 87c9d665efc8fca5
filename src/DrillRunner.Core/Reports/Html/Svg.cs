using System.Globalization;
using System.Net;

namespace DrillRunner.Reports.Html;

/// <summary>Number and text formatting for generated SVG/HTML (invariant culture, always encoded).</summary>
internal static class Svg
{
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A round axis maximum at or above <paramref name="value"/> (1, 2, 5 x 10^n).</summary>
    public static double NiceMax(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
