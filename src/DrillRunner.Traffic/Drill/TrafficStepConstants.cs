namespace DrillRunner.Traffic.Drill;

internal static class TrafficStepConstants
{
    public const string TrafficKind = "traffic";
    public const string SurgeKind = "surge";
    public const string CapacityKind = "capacity";
    public const string UndoKind = "traffic-stop";
    public const int DefaultUsers = 100;
    public const int DefaultConnections = 64;
    public const long DefaultMaxRequests = 10_000_000;

    /// <summary>A step without a duration still stops by itself after this long.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);

    /// <summary>Slack on top of one second plus the request timeout when waiting for the first second's report.</summary>
    public static readonly TimeSpan FirstSecondSlack = TimeSpan.FromSeconds(3);

    public static string ResourceKey(string source) => $"traffic:{source}";
}
