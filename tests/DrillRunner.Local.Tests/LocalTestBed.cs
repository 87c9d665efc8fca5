using DrillRunner.Local.Shared;
using DrillRunner.Model;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Local.Tests;

/// <summary>A local driver over a throw-away state folder; disposing takes the environment down and deletes the folder.</summary>
internal sealed class LocalTestBed : IAsyncDisposable
{
    private LocalTestBed(EnvironmentSpec environment, LocalDriverOptions options)
    {
        Environment = environment;
        Options = options;
        Driver = (LocalDriver)new LocalDriverFactory(options).Create(environment, TimeProvider.System);
    }

    public EnvironmentSpec Environment { get; }

    public LocalDriverOptions Options { get; }

    public LocalDriver Driver { get; }

    public SupervisorState? State => StateFiles.TryRead(Driver.StateDirectory);

    public static LocalTestBed Create(params ServiceSpec[] services) => new(
        new EnvironmentSpec
        {
            Name = "t" + Guid.NewGuid().ToString("N")[..8],
            BaseDirectory = AppContext.BaseDirectory,
            Services = services.ToDictionary(s => s.Name),
        },
        new LocalDriverOptions
        {
            StateRoot = Path.Combine(Path.GetTempPath(), "drillrunner-local-tests", Guid.NewGuid().ToString("N")[..8]),
            StopGrace = TimeSpan.FromSeconds(2),
            UpTimeout = TimeSpan.FromSeconds(60),
        });

    /// <summary>DemoShop's <c>app</c> role, as the driver contract expects it.</summary>
    public static ServiceSpec DemoShop(int firstPort, int instances = 2, TimeSpan? restartAfter = null) => new()
    {
        Name = DriverContractTests.Service,
        Instances = instances,
        Port = firstPort,
        Command = "dotnet",
        Args = ["DemoShop.dll"],
        Settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:{port}",
            [DriverContractTests.MarkerSetting] = DriverContractTests.InitialMarker,
        },
        HealthPath = DriverContractTests.HealthPath,
        Supervisor = restartAfter is { } delay ? new SupervisorSpec { RestartAfter = delay } : null,
    };

    /// <summary>A cheap service with no port: <c>sleep</c> stands in for a worker process.</summary>
    public static ServiceSpec Sleeper(int instances = 2, TimeSpan? restartAfter = null) => new()
    {
        Name = "worker",
        Instances = instances,
        Command = "sleep",
        Args = ["600"],
        Settings = new Dictionary<string, string> { ["WORKER_INDEX"] = "{instance}" },
        Supervisor = restartAfter is { } delay ? new SupervisorSpec { RestartAfter = delay } : null,
    };

    public Task UpAsync() => Driver.UpAsync(new Progress<string>(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), TimeProvider.System);
            await Driver.DownAsync(new Progress<string>(), timeout.Token);
            await Driver.DisposeAsync();
        }
        finally
        {
            if (Directory.Exists(Options.StateRoot))
            {
                Directory.Delete(Options.StateRoot, recursive: true);
            }
        }
    }
}
