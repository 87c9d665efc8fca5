using System.Globalization;
using System.Text.Json;

namespace DrillRunner.Alerts;

/// <summary>
/// Reads firing alerts, with the time each started firing, from the three documents DrillRunner receives: Prometheus'
/// <c>/api/v1/rules?type=alert</c> (fired = <c>activeAt</c> + the rule's <c>for</c>, since <c>activeAt</c> is when it
/// became pending), Alertmanager's <c>/api/v2/alerts</c> and its webhook notification (both <c>startsAt</c>).
/// </summary>
public static class AlertPayloads
{
    public static IReadOnlyList<ObservedAlert> FromPrometheusRules(JsonElement document)
    {
        var alerts = new List<ObservedAlert>();
        foreach (var group in Array(document.GetProperty("data"), "groups"))
        {
            foreach (var rule in Array(group, "rules"))
            {
                var hold = rule.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? TimeSpan.FromSeconds(d.GetDouble()) : TimeSpan.Zero;
                foreach (var alert in Array(rule, "alerts"))
                {
                    if (Text(alert, "state") == "firing" && Time(alert, "activeAt") is { } active)
                    {
                        alerts.Add(new ObservedAlert(Labels(alert), active + hold));
                    }
                }
            }
        }

        return alerts;
    }

    public static IReadOnlyList<ObservedAlert> FromAlertmanagerApi(JsonElement document)
    {
        var alerts = new List<ObservedAlert>();
        foreach (var alert in document.ValueKind == JsonValueKind.Array ? document.EnumerateArray() : default)
        {
            var state = alert.TryGetProperty("status", out var status) ? Text(status, "state") : null;
            if (state == "active" && Time(alert, "startsAt") is { } starts)
            {
                alerts.Add(new ObservedAlert(Labels(alert), starts));
            }
        }

        return alerts;
    }

    /// <summary>An Alertmanager webhook body (version 4): its firing alerts; resolved ones are not detections.</summary>
    public static IReadOnlyList<ObservedAlert> FromAlertmanagerWebhook(JsonElement document)
    {
        var alerts = new List<ObservedAlert>();
        foreach (var alert in Array(document, "alerts"))
        {
            if (Text(alert, "status") == "firing" && Time(alert, "startsAt") is { } starts)
            {
                alerts.Add(new ObservedAlert(Labels(alert), starts));
            }
        }

        return alerts;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : default;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1
            ? at
            : null;

    private static Dictionary<string, string> Labels(JsonElement alert) =>
        alert.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
