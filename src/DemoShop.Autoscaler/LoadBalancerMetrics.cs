using System.Globalization;

namespace DemoShop.Autoscaler;

/// <summary>Reads the load balancer's in-flight requests from its Prometheus text metrics.</summary>
internal sealed class LoadBalancerMetrics(HttpClient http, Uri metrics)
{
    public const string InFlightMetric = "shop_requests_in_flight";

    /// <summary>Requests the LB is handling, not counting this scrape itself.</summary>
    public async Task<double> InFlightAsync(CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(metrics, cancellationToken);
        return Math.Max(0, Parse(text) - 1);
    }

    internal static double Parse(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(InFlightMetric + " ", StringComparison.Ordinal)
                && double.TryParse(trimmed[(InFlightMetric.Length + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        throw new FormatException($"no {InFlightMetric} sample in the metrics");
    }
}
