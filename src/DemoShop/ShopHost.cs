using DemoShop.App;
using DemoShop.Hosting;
using DemoShop.Lb;
using DemoShop.Metrics;
using DrillRunner.Chaos;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DemoShop;

/// <summary>Builds the shop in the role chosen by <c>Shop:Role</c>; tests use it to run instances in-process.</summary>
public static class ShopHost
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);

        var role = builder.Configuration[$"{ShopConstants.SectionName}:{nameof(ShopOptions.Role)}"] ?? ShopConstants.AppRole;
        var services = builder.Services;
        services.Configure<ShopOptions>(builder.Configuration.GetSection(ShopConstants.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddDrillChaos(builder.Configuration.GetSection(DrillRunner.Chaos.ChaosConstants.SectionName), LiveSettings.Register);
        services.AddSingleton<ShopMetrics>();
        services.AddSingleton<ShopInstance>();
        switch (role.ToLowerInvariant())
        {
            case ShopConstants.AppRole: AppRole.AddServices(services); break;
            case ShopConstants.LbRole: LbRole.AddServices(services); break;
            default: throw new InvalidOperationException($"Shop:Role must be '{ShopConstants.AppRole}' or '{ShopConstants.LbRole}', got '{role}'.");
        }

        var app = builder.Build();
        app.UseMiddleware<MetricsMiddleware>();
        app.UseMiddleware<InstanceHeaderMiddleware>();
        app.MapDrillChaos();
        app.MapGet("/metrics", (ShopMetrics metrics, IEnumerable<IGaugeSource> sources) =>
            Results.Text(PrometheusText.Render(metrics, sources.SelectMany(s => s.Gauges())), PrometheusText.ContentType));
        if (role.Equals(ShopConstants.LbRole, StringComparison.OrdinalIgnoreCase))
        {
            LbRole.Map(app);
        }
        else
        {
            AppRole.Map(app);
        }

        return app;
    }
}
