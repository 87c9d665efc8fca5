namespace DemoShop;

/// <summary>The <c>Shop</c> configuration section; the first six are the knobs a bad deploy gets wrong.</summary>
public sealed class ShopOptions
{
    /// <summary><c>app</c> (default) or <c>lb</c>.</summary>
    public string Role { get; set; } = ShopConstants.AppRole;

    /// <summary>Value of the <c>X-Shop-Instance</c> header; default machine name and port.</summary>
    public string? InstanceName { get; set; }

    public int MaxConcurrentRequests { get; set; } = ShopConstants.DefaultMaxConcurrentRequests;

    /// <summary>
    /// The floor a settings review put under <see cref="MaxConcurrentRequests"/>: a deploy asking for less runs with
    /// this many (and says so in its log). 1 means no floor.
    /// </summary>
    public int MinConcurrentRequests { get; set; } = 1;

    /// <summary>The limit in force: <see cref="MaxConcurrentRequests"/>, never under <see cref="MinConcurrentRequests"/>.</summary>
    public int EffectiveConcurrencyLimit => Math.Max(MaxConcurrentRequests, MinConcurrentRequests);

    public int QueueLimit { get; set; } = ShopConstants.DefaultQueueLimit;

    public int WorkMilliseconds { get; set; } = ShopConstants.DefaultWorkMilliseconds;

    public int RequestTimeoutMilliseconds { get; set; } = ShopConstants.DefaultRequestTimeoutMilliseconds;

    /// <summary>
    /// <c>memory</c> (per instance, lost on kill), <c>file</c> (shared, fsync'd before 201) or <c>postgres</c>
    /// (committed before 201).
    /// </summary>
    public string OrderStore { get; set; } = ShopConstants.MemoryStore;

    public string OrderStorePath { get; set; } = Path.Combine(Path.GetTempPath(), "demoshop-orders");

    public int OrderStorePoolSize { get; set; } = ShopConstants.DefaultOrderStorePoolSize;

    /// <summary>Npgsql connection string of the <c>postgres</c> store; several hosts (<c>Host=a,b</c>) for failover.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// <c>synchronous_commit</c> of every order transaction: <c>on</c> (default), <c>remote_apply</c>,
    /// <c>remote_write</c>, <c>local</c> or <c>off</c>. Anything but <c>on</c>/<c>remote_*</c> is the bad deploy that
    /// acknowledges orders a failover (or, with <c>off</c>, a crash) can lose.
    /// </summary>
    public string PostgresSynchronousCommit { get; set; } = ShopConstants.DefaultSynchronousCommit;

    /// <summary>LB role: comma-separated backend base URLs.</summary>
    public string? Backends { get; set; }

    /// <summary>LB role: a port range such as <c>18081-18090</c> on <see cref="BackendHost"/>, so scaled-out instances are found.</summary>
    public string? BackendPorts { get; set; }

    /// <summary>
    /// LB role: where <see cref="BackendPorts"/> are: 127.0.0.1 by default, or a name resolving to one address per app
    /// server (a service's alias on a container network), followed as instances come and go.
    /// </summary>
    public string? BackendHost { get; set; }

    /// <summary>CPU time each business request burns (pricing, rendering), on top of <see cref="WorkMilliseconds"/>.</summary>
    public int CpuWorkMilliseconds { get; set; }

    /// <summary>Memory the app server holds in its in-process cache (a cache sized for a bigger machine).</summary>
    public int CacheMegabytes { get; set; }

    public int HealthIntervalMilliseconds { get; set; } = ShopConstants.DefaultHealthIntervalMilliseconds;
}
