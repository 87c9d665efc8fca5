namespace DemoShop;

/// <summary>Setting names, defaults and fixed limits of the demo shop.</summary>
public static class ShopConstants
{
    public const string SectionName = "Shop";

    public const string AppRole = "app";

    public const string LbRole = "lb";

    public const string MemoryStore = "memory";

    public const string FileStore = "file";

    public const string PostgresStore = "postgres";

    public const string DefaultSynchronousCommit = "on";

    /// <summary>The values PostgreSQL accepts for <c>synchronous_commit</c>.</summary>
    public static readonly IReadOnlyList<string> SynchronousCommitValues = ["on", "remote_apply", "remote_write", "local", "off"];

    public const int DefaultMaxConcurrentRequests = 64;

    public const int DefaultQueueLimit = 256;

    public const int DefaultWorkMilliseconds = 5;

    public const int DefaultRequestTimeoutMilliseconds = 2000;

    public const int DefaultOrderStorePoolSize = 16;

    public const int DefaultHealthIntervalMilliseconds = 500;

    public const string InstanceHeader = "X-Shop-Instance";

    public const string UserHeader = "X-User-Id";

    public const string BackendClient = "backends";

    public const string HealthClient = "backend-health";

    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan BackendConnectTimeout = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan ForwardTimeout = TimeSpan.FromSeconds(30);

    public const int UnhealthyAfterFailedChecks = 2;

    public const int MaxForwardedBodyBytes = 1 << 20;
}
