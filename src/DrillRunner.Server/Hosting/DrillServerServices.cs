using DrillRunner.Audit;
using DrillRunner.Drills;
using DrillRunner.Hosting.Watchdog;
using DrillRunner.Metrics;
using DrillRunner.Options;
using DrillRunner.PostgreSql;
using DrillRunner.Runs;
using DrillRunner.Safety;
using DrillRunner.Scheduling;
using DrillRunner.Security;
using DrillRunner.Steps;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Logging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DrillRunner.Hosting;

/// <summary>Everything <c>drill serve</c> needs in the container.</summary>
public static class DrillServerServices
{
    public static IServiceCollection AddDrillServer(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<DrillServerOptions>().Bind(configuration.GetSection(DrillServerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DrillServerOptions>, DrillServerOptionsValidator>();
        services.AddSingleton<IValidateOptions<DrillServerOptions>, PostgreSqlReachableValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(CreateRunner);
        services.AddSingleton(sp => new AuditLog(Path.Combine(sp.GetRequiredService<IOptions<DrillServerOptions>>().Value.StateDirectory, LocalAudit.FileName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Alerts.AlertNotifications>();
        services.AddSingleton<DrillIndex>().AddSingleton<RunCoordinator>().AddSingleton<ServerOperatorChannel>().AddSingleton<DrillMetrics>();
        services.AddTransient<RunDrillJob>().AddTransient<ScheduledDrillJob>();
        services.AddDrillSecurity();

        // Sign-in cookies survive a restart: the keys protecting them live with the rest of the state.
        var state = configuration[$"{DrillServerOptions.Section}:{nameof(DrillServerOptions.StateDirectory)}"] ?? new DrillServerOptions().StateDirectory;
        // Whoever reads them can forge a session: the folder is 0700 and its files 0600.
        services.AddDataProtection().SetApplicationName("DrillRunner").PersistKeysToFileSystem(OwnerOnly.EnsureFolder(Path.Combine(state, "keys"), filesToo: true));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(JsonDefaults.Options.Converters[0]);
            o.SerializerOptions.WriteIndented = true;
        });

        // Crash recovery first: hosted services start in order, and Hangfire's server must not start a job before it.
        services.AddHostedService<SharedSchemaInstaller>();
        services.AddHostedService<StartupRecovery>();
        services.AddSingleton<HaltWatcher>().AddHostedService(sp => sp.GetRequiredService<HaltWatcher>());
        services.AddSingleton<RunSweeper>().AddHostedService(sp => sp.GetRequiredService<RunSweeper>());
        if (SharedJobStorage.IsConfigured(configuration))
        {
            services.AddSingleton<RunRequestPump>().AddHostedService(sp => sp.GetRequiredService<RunRequestPump>());
        }

        services.AddSingleton<ScheduleSync>().AddHostedService(sp => sp.GetRequiredService<ScheduleSync>());

        // A storage instance per server (not the static JobStorage.Current), so several servers can share a process.
        services.AddSingleton<JobStorage>(sp =>
        {
            LogProvider.SetCurrentLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()));
            return SharedJobStorage.CreateIfConfigured(configuration) ?? new InMemoryStorage();
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DrillServerOptions>>().Value;
            return new PostgreSqlStores(options.PostgreSql.ConnectionString!, sp.GetRequiredService<TimeProvider>());
        });
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = sp.GetRequiredService<IOptions<DrillServerOptions>>().Value.Workers;

            // Not the process-wide JobActivator.Current: with several servers in one process (tests), a job must be
            // activated from the container of the server whose storage holds it.
            o.Activator = sp.GetRequiredService<JobActivator>();
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        return services;
    }

    private static Runner CreateRunner(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DrillServerOptions>>().Value;
        var extras = services.GetService<RunnerExtras>() ?? new RunnerExtras();
        return new Runner(
            new RunnerOptions
            {
                StateDirectory = options.StateDirectory,
                ReportDirectory = options.ReportDirectory,
                EnvironmentDirectory = Path.Combine(options.DrillsDirectory, "environments"),
                ExtraDriverFactories = extras.DriverFactories,
                CustomizeCatalog = extras.CustomizeCatalog,
                Shared = options.Storage == StorageKind.PostgreSql ? Share(services.GetRequiredService<PostgreSqlStores>()) : null,
                MaxRunDuration = options.MaxRunDuration,
                Watchdog = services.GetService<WatchdogLaunch>(),
            },
            services.GetRequiredService<TimeProvider>());
    }

    private static SharedStorage Share(PostgreSqlStores stores) => new(stores.Journal, stores.Lock, stores.Halt);
}
