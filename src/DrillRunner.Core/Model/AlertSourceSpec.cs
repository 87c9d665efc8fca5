using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>
/// Where the drill learns that monitoring noticed the incident: Prometheus (<c>/api/v1/alerts</c>) or Alertmanager
/// (<c>/api/v2/alerts</c>). The first matching alert to fire is E2, the moment of detection.
/// </summary>
public sealed class AlertSourceSpec
{
    public AlertSourceKind Kind { get; init; } = AlertSourceKind.Prometheus;

    [Required]
    [Url]
    public string Url { get; init; } = "";

    /// <summary>Labels an alert must carry to count, e.g. <c>{ alertname: ShopErrors }</c>; empty = any alert.</summary>
    public IReadOnlyDictionary<string, string> Match { get; init; } = new Dictionary<string, string>();

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);
}

public enum AlertSourceKind
{
    Prometheus,
    Alertmanager,
}
