using System.ComponentModel.DataAnnotations;
using DrillRunner.Loading;

namespace DrillRunner.Model;

/// <summary>
/// Where the drill learns that monitoring noticed the incident: Prometheus (<c>/api/v1/rules</c>) or Alertmanager
/// (<c>/api/v2/alerts</c>), polled every <see cref="Interval"/>, and for Alertmanager the notifications it sends to
/// DrillRunner's webhook receiver (<see cref="Webhook"/>, or <c>drill serve</c>'s <c>/api/alerts/alertmanager</c>).
/// Alerts are timed by their own start and by the notification's arrival, never by when the runner polled.
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

    /// <summary>Alertmanager only: a receiver on 127.0.0.1 for the run, which Alertmanager's config routes to.</summary>
    public AlertWebhookSpec? Webhook { get; init; }

    /// <summary>Where <c>alerts:</c> is written; not a YAML field.</summary>
    public SourceLocation Location { get; set; } = SourceLocation.None;
}

/// <summary>
/// The run's Alertmanager webhook receiver: <c>http://127.0.0.1:PORT/</c> (any path) for as long as the run lasts.
/// Route Alertmanager to it with <c>webhook_configs: [{ url: http://127.0.0.1:PORT/alertmanager }]</c>.
/// </summary>
public sealed class AlertWebhookSpec
{
    [Range(1024, 65535)]
    public int Port { get; init; }
}

public enum AlertSourceKind
{
    Prometheus,
    Alertmanager,
}
