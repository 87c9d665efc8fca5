using DrillRunner.Chaos.Endpoints;
using DrillRunner.Chaos.Faults;
using DrillRunner.Chaos.Pipelines;
using DrillRunner.Chaos.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DrillRunner.Chaos;

public static class ChaosEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Adds inbound fault injection, the live settings overrides and the <c>/_chaos</c> control endpoint.
    /// Does nothing when no <c>Chaos:Token</c> is configured, so an unconfigured service exposes no control surface.
    /// Call it early, before the middleware that faults should wrap.
    /// </summary>
    public static WebApplication MapDrillChaos(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ChaosOptions>>().Value;
        if (string.IsNullOrEmpty(options.Token))
        {
            return app;
        }

        // Last provider wins: overrides shadow every other configuration source while they are live.
        if (app.Configuration is IConfigurationBuilder configuration)
        {
            configuration.Add(app.Services.GetRequiredService<SettingsOverrides>());
        }

        app.UseMiddleware<InboundChaosMiddleware>();
        var group = app.MapGroup(ChaosConstants.RoutePrefix).AddEndpointFilter(new BearerTokenFilter(options.Token));
        group.MapGet("/", Status);
        group.MapFaults();
        group.MapSettings();
        return app;
    }

    private static ChaosStatus Status(
        FaultRegistry registry, SettingsOverrides overrides, IOptions<ChaosOptions> options, TimeProvider timeProvider)
    {
        var settings = overrides.Snapshot();
        return new ChaosStatus(
            timeProvider.GetUtcNow(),
            [.. registry.Snapshot().Select(FaultView.From)],
            registry.Injections(),
            settings.Values,
            settings.ExpiresAt,
            [.. options.Value.LiveSettings.Keys.Order(StringComparer.Ordinal)]);
    }
}
