using DemoShop.Metrics;
using DemoShop.Orders;
using DemoShop.Orders.Postgres;

namespace DemoShop.App;

/// <summary>The app server: catalog, orders, limiter and store.</summary>
internal static class AppRole
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<RequestGate>();
        services.AddSingleton<ShopCache>();
        services.AddSingleton<IGaugeSource>(sp => sp.GetRequiredService<RequestGate>());
        services.AddSingleton<MemoryOrderStore>();
        services.AddSingleton<FileOrderStore>();
        services.AddSingleton<PostgresOrderStore>();
        services.AddHostedService<OrderStoreStartup>();
        services.AddSingleton<OrderStoreGateway>();
        services.AddSingleton<IGaugeSource>(sp => sp.GetRequiredService<OrderStoreGateway>());
    }

    public static void Map(WebApplication app)
    {
        app.UseMiddleware<RequestLimiterMiddleware>();
        _ = app.Services.GetRequiredService<ShopCache>();
        app.MapGet("/health", () => "healthy");
        app.MapAssets();
        app.MapProducts();
        app.MapOrders();
    }
}
