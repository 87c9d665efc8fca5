namespace DrillRunner.Engine;

/// <summary>One pooled client for probes; connections are recycled quickly so a restarted backend is seen at once.</summary>
internal static class SharedHttp
{
    public static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        UseProxy = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
