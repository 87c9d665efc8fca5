using DemoShop.Metrics;
using DrillRunner.Chaos;

namespace DemoShop.Lb;

/// <summary>The load balancer: health checks, round-robin and forwarding to the app servers.</summary>
internal static class LbRole
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<BackendPool>();
        services.AddSingleton<IGaugeSource>(sp => sp.GetRequiredService<BackendPool>());
        services.AddSingleton<ReverseProxy>();
        services.AddHostedService<HealthChecker>();
        services.AddHttpClient(ShopConstants.BackendClient, c => c.Timeout = ShopConstants.ForwardTimeout)
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddDrillChaos(ShopConstants.BackendClient);
        services.AddHttpClient(ShopConstants.HealthClient)
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }

    public static void Map(WebApplication app)
    {
        app.MapGet("/health", (BackendPool pool) => pool.AnyHealthy
            ? Results.Text("healthy")
            : Results.Text("no healthy backend", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/lb/backends", (BackendPool pool) => pool.All.Select(b => new
        {
            url = b.BaseAddress.ToString(),
            healthy = b.Healthy,
            lastCheckedAt = b.LastCheckedAt,
            lastError = b.LastError,
            forwarded = b.Forwarded,
        }));
        app.Map("/{**path}", (HttpContext http, ReverseProxy proxy) => proxy.ForwardAsync(http));
    }

    // Pooled connections to the backends; a short connect timeout so a dead backend is noticed fast.
    private static SocketsHttpHandler CreateHandler() => new()
    {
        ConnectTimeout = ShopConstants.BackendConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
    };
}
