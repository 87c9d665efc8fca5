namespace DrillRunner.Chaos;

/// <summary>Defaults and limits of the chaos control surface, in one place.</summary>
public static class ChaosConstants
{
    public const string SectionName = "Chaos";

    public const string RoutePrefix = "/_chaos";

    public const string ErrorKind = "error";

    public const string LatencyKind = "latency";

    public const string OutcomeKind = "outcome";

    public const int DefaultErrorStatusCode = 500;

    public const int DefaultOutcomeStatusCode = 503;

    public const int DefaultLatencyMilliseconds = 1000;

    public const int MaxLatencyMilliseconds = 600_000;

    public const int DefaultLeaseSeconds = 30;

    public const int MinLeaseSeconds = 1;

    public const int MaxLeaseSeconds = 3600;

    /// <summary>How often leases are checked in the background, so status reads and config stay truthful.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(250);
}
