namespace DrillRunner.Probes.Canary;

/// <summary>The <c>canary</c> probe's kind, placeholders and defaults.</summary>
public static class CanaryConstants
{
    public const string Kind = "canary";

    /// <summary>The write's sequence number, 1, 2, 3, ... per run.</summary>
    public const string Sequence = "sequence";

    /// <summary>When the runner sent the write (ISO 8601, UTC).</summary>
    public const string SentAt = "sentAt";

    public const string RunId = "runId";

    public const string Probe = "probe";

    /// <summary>The id the application acknowledged the write with; in the read path only.</summary>
    public const string Id = "id";

    public const string DefaultIdPath = "$.id";

    public const string DefaultContentType = "application/json";

    public const int DefaultReadConcurrency = 8;

    public const int DefaultReadAttempts = 3;

    public static readonly IReadOnlyList<int> DefaultMissingStatus = [404, 410];

    public static readonly TimeSpan DefaultReadDeadline = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan ReadRetryDelay = TimeSpan.FromMilliseconds(200);
}
