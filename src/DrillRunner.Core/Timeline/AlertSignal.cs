namespace DrillRunner.Timeline;

/// <summary>
/// One alert of the drill's alert source, timed by the alert itself: <see cref="FiredAt"/> is when it started firing
/// (Alertmanager's <c>startsAt</c>; Prometheus' <c>activeAt</c> plus the rule's <c>for</c>), <see cref="ReceivedAt"/>
/// when Alertmanager's notification reached DrillRunner's webhook receiver (null when none arrived). When the runner
/// polled is never recorded as either.
/// </summary>
public sealed record AlertSignal(string Name, string Fingerprint, DateTimeOffset FiredAt, DateTimeOffset? ReceivedAt)
{
    /// <summary>When DrillRunner learned of the alert: the notification's arrival, else (polling) the alert's own start.</summary>
    public DateTimeOffset DetectedAt => ReceivedAt ?? FiredAt;
}
