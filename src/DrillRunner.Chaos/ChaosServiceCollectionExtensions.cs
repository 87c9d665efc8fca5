using DrillRunner.Chaos.Faults;
using DrillRunner.Chaos.Pipelines;
using DrillRunner.Chaos.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DrillRunner.Chaos;

public static class ChaosServiceCollectionExtensions
{
    /// <summary>Registers the fault registry, the settings overrides and the chaos pipelines.</summary>
    public static IServiceCollection AddDrillChaos(
        this IServiceCollection services, IConfiguration section, Action<ChaosOptions>? configure = null)
    {
        services.Configure<ChaosOptions>(section);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChaosRandomizer>();
        services.TryAddSingleton<FaultRegistry>();
        services.TryAddSingleton<SettingsOverrides>();
        services.TryAddSingleton<ChaosPipelineFactory>();
        return services;
    }

    /// <summary>
    /// Applies the faults aimed at <paramref name="dependency"/> to this client's calls.
    /// Needs <see cref="AddDrillChaos(IServiceCollection, IConfiguration, Action{ChaosOptions}?)"/> as well.
    /// </summary>
    public static IHttpClientBuilder AddDrillChaos(this IHttpClientBuilder builder, string dependency) =>
        builder.AddHttpMessageHandler(sp => new ChaosDelegatingHandler(
            dependency, sp.GetRequiredService<FaultRegistry>(), sp.GetRequiredService<ChaosPipelineFactory>()));
}
