using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>Who asked for a run and how; everything optional has a sensible default.</summary>
public sealed record RunRequest
{
    public string? RunId { get; init; }

    /// <summary>e.g. <c>cli:alice</c>, <c>schedule</c>, <c>api:bob (reason)</c>.</summary>
    public string Trigger { get; init; } = "cli";

    /// <summary>Seed for target selection; null picks one at random (and it is logged).</summary>
    public int? Seed { get; init; }

    public IOperatorChannel? Operator { get; init; }

    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Alertmanager notifications received outside the run (<c>drill serve</c>'s webhook endpoint).</summary>
    public Alerts.AlertNotifications? AlertNotifications { get; init; }

    /// <summary>Why the abort token fired (e.g. "aborted by api:alice"), asked when it does; null: "aborted by operator".</summary>
    public Func<string?>? AbortReason { get; init; }

    /// <summary>Receives every timeline event as it happens.</summary>
    public IProgress<TimelineEvent>? Events { get; init; }

    /// <summary>The client probes and app-level fault endpoints use; null for the shared pooled one.</summary>
    public HttpClient? Http { get; init; }
}
