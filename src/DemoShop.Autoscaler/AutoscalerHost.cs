using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace DemoShop.Autoscaler;

/// <summary>
/// The autoscaler process: the scaling loop, <c>/health</c>, <c>/metrics</c> and <c>/status</c>. Bad settings (max
/// below min, a missing environment file) stop it at start-up with the reason, as a bad autoscaler deploy would.
/// </summary>
public static class AutoscalerHost
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        var settings = builder.Configuration.GetSection(AutoscalerOptions.SectionName).Get<AutoscalerOptions>() ?? new AutoscalerOptions();
        Validator.ValidateObject(settings, new ValidationContext(settings), validateAllProperties: true);
        if (settings.MaxReplicas < settings.MinReplicas)
        {
            throw new ValidationException($"Autoscaler:MaxReplicas ({settings.MaxReplicas}) is below Autoscaler:MinReplicas ({settings.MinReplicas})");
        }

        var services = builder.Services;
        services.AddSingleton(Options.Create(settings));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AutoscalerStatus>();
        services.AddSingleton(sp => EngineConnection.Open(settings, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new LoadBalancerMetrics(new HttpClient { Timeout = TimeSpan.FromSeconds(2) }, new Uri(settings.MetricsUrl)));
        services.AddHostedService<AutoscalerLoop>();

        var app = builder.Build();
        app.MapGet("/health", () => "healthy");
        app.MapGet("/metrics", (AutoscalerStatus status) => Results.Text(status.Metrics(), "text/plain; version=0.0.4"));
        app.MapGet("/status", (AutoscalerStatus status) => Results.Json(new AutoscalerView(
            settings.Service, settings.MinReplicas, settings.MaxReplicas, settings.CoolDownSeconds, status.InFlight, status.Current, status.Desired,
            status.LastError, status.Events()), AutoscalerJson.Default.AutoscalerView));
        return app;
    }
}
