namespace DrillRunner.Traffic;

internal static class TrafficConstants
{
    public const int DefaultUsers = 100;
    public const int DefaultConnections = 64;
    public const int DefaultMaxInFlight = 10_000;
    public const long DefaultMaxRequests = 10_000_000;
    public const string UserHeader = "X-User-Id";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(10);

    /// <summary>A request sent later than this after its intended time counts as late.</summary>
    public static readonly TimeSpan LateThreshold = TimeSpan.FromMilliseconds(1);
}
