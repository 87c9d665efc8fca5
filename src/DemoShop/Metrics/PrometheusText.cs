using System.Globalization;
using System.Text;

namespace DemoShop.Metrics;

/// <summary>Renders the metrics in the Prometheus text exposition format (version 0.0.4).</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(ShopMetrics metrics, IEnumerable<Gauge> gauges)
    {
        var text = new StringBuilder();
        Header(text, "shop_requests_total", "counter", "HTTP requests by route template, method and status.");
        foreach (var ((route, method, status), count) in metrics.Requests.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            Line(text, "shop_requests_total", $"route=\"{Escape(route)}\",method=\"{method}\",status=\"{status}\"", count);
        }

        Header(text, "shop_requests_in_flight", "gauge", "Requests being handled now.");
        Line(text, "shop_requests_in_flight", "", metrics.InFlight);
        Header(text, "shop_requests_rejected_total", "counter", "Requests rejected with 503 because the limiter queue was full.");
        Line(text, "shop_requests_rejected_total", "", metrics.Rejected);
        Header(text, "shop_requests_timed_out_total", "counter", "Requests answered 504 after Shop:RequestTimeoutMilliseconds.");
        Line(text, "shop_requests_timed_out_total", "", metrics.TimedOut);
        Header(text, "shop_order_writes_total", "counter", "Orders acknowledged, by store and how durably the store kept them.");
        foreach (var ((store, durability), count) in metrics.OrderWrites)
        {
            Line(text, "shop_order_writes_total", $"store=\"{Escape(store)}\",durability=\"{Escape(durability)}\"", count);
        }

        Header(text, "shop_request_duration_seconds", "histogram", "Request duration.");
        var (cumulative, sum, total) = metrics.Latency.Read();
        for (var i = 0; i < cumulative.Length; i++)
        {
            var bound = i < LatencyHistogram.Bounds.Length
                ? LatencyHistogram.Bounds[i].ToString(CultureInfo.InvariantCulture)
                : "+Inf";
            Line(text, "shop_request_duration_seconds_bucket", $"le=\"{bound}\"", cumulative[i]);
        }

        Line(text, "shop_request_duration_seconds_sum", "", sum);
        Line(text, "shop_request_duration_seconds_count", "", total);
        foreach (var gauge in gauges.GroupBy(g => g.Name, StringComparer.Ordinal))
        {
            Header(text, gauge.Key, "gauge", gauge.First().Help);
            foreach (var (name, _, labels, value) in gauge)
            {
                Line(text, name, string.Join(",", labels.Select(l => $"{l.Key}=\"{Escape(l.Value)}\"")), value);
            }
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').AppendLine(help)
            .Append("# TYPE ").Append(name).Append(' ').AppendLine(type);

    private static void Line(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').AppendLine(value.ToString(CultureInfo.InvariantCulture));
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
