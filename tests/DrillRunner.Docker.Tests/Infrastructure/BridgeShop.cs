using System.Globalization;
using Docker.DotNet;
using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Testing.Drivers;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Docker.Tests.Infrastructure;

/// <summary>
/// DemoShop on a bridge network of its own, as the demo environment runs on Docker: app servers (with a 16 MiB tmpfs
/// at /scratch) and optionally a load balancer that finds them by the service's name; ports published on 127.0.0.1.
/// Steps run as the engine runs them (prepare, journal record, execute, undo from the record). Disposing runs down.
/// </summary>
internal sealed class BridgeShop : IAsyncDisposable
{
    public const string App = "app";
    public const string Lb = "lb";
    public const string Scratch = "/scratch";
    public const string ChaosToken = "bridge-shop-token";

    private BridgeShop(EnvironmentSpec spec, IEnvironmentDriver driver)
    {
        Spec = spec;
        Driver = driver;
        Client = new DockerClientConfiguration().CreateClient();
    }

    public EnvironmentSpec Spec { get; }

    public IEnvironmentDriver Driver { get; }

    /// <summary>A separate client, so assertions do not trust the driver under test.</summary>
    public DockerClient Client { get; }

    public DrillCatalog Catalog { get; } = new DrillCatalog().AddCoreComponents().AddDocker();

    public static BridgeShop Create(string image, int apps = 1, bool lb = false, bool supervised = false, IReadOnlyDictionary<string, string>? appSettings = null, string network = "bridge", LimitsSpec? limits = null)
    {
        var port = FreePorts.FindRange(apps + 2);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://{listen}:{port}",
            ["Shop__InstanceName"] = "app-{instance}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in appSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var services = new Dictionary<string, ServiceSpec>
        {
            [App] = new()
            {
                Name = App,
                Image = image,
                Instances = apps,
                Port = port + 1,
                HealthPath = "/health",
                ChaosToken = ChaosToken,
                Supervisor = supervised ? new SupervisorSpec() : null,
                Tmpfs = new Dictionary<string, ByteSize> { [Scratch] = new(16L << 20) },
                Limits = limits,
                Settings = settings,
            },
        };
        if (lb)
        {
            services[Lb] = new ServiceSpec
            {
                Name = Lb,
                Image = image,
                Port = port,
                HealthPath = "/health",
                Settings = new Dictionary<string, string>
                {
                    ["ASPNETCORE_URLS"] = "http://{listen}:{port}",
                    ["Shop__Role"] = "lb",
                    ["Shop__BackendPorts"] = $"{(port + 1).ToString(CultureInfo.InvariantCulture)}-{(port + apps).ToString(CultureInfo.InvariantCulture)}",
                    ["Shop__BackendHost"] = "{host:app}",
                    ["Shop__HealthIntervalMilliseconds"] = "250",
                    ["Logging__LogLevel__Default"] = "Warning",
                },
            };
        }

        var spec = new EnvironmentSpec
        {
            Name = "nf" + Guid.NewGuid().ToString("N")[..10],
            Driver = "docker",
            Docker = new DockerEndpointSpec { Network = network },
            Services = services,
        };
        return new BridgeShop(spec, new DockerDriverFactory().Create(spec, TimeProvider.System));
    }

    public string InstanceId(int index, string service = App) => InstanceSettings.InstanceId(Spec, Spec.Services[service], index);

    public int Port(int index, string service = App) => InstanceSettings.PortOf(Spec.Services[service], index);

    public Uri Url(int index, string path, string service = App) => new($"http://127.0.0.1:{Port(index, service).ToString(CultureInfo.InvariantCulture)}{path}");

    public Task UpAsync() => Driver.UpAsync(new Progress<string>(), CancellationToken.None);

    public async Task<int> PidAsync(int index, string service = App) =>
        checked((int)(await Client.Containers.InspectContainerAsync(InstanceId(index, service))).State.Pid);

    public StepContext Context(int seed = 1) => new()
    {
        RunId = "t" + Guid.NewGuid().ToString("N")[..8],
        Environment = Spec,
        Driver = Driver,
        Time = TimeProvider.System,
        Timeline = new RunTimeline(),
        Random = new Random(seed),
    };

    /// <summary>Prepares and executes a step as the engine does; the record is what the journal would hold.</summary>
    public async Task<(UndoRecord Record, string Detail)> InjectAsync(StepOptions options, StepContext? context = null)
    {
        context ??= Context();
        var step = Catalog.CreateStep(options);
        var record = await step.PrepareAsync(context, CancellationToken.None) ?? throw new InvalidOperationException("the step has nothing to undo");
        return (record, await step.ExecuteAsync(context, record, CancellationToken.None));
    }

    /// <summary>Undoes from the record alone, through the handler registered for its kind, in a fresh context.</summary>
    public Task<string> UndoAsync(UndoRecord record) =>
        Catalog.FindUndo(record.Kind)!.UndoAsync(Context(), record, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Driver.DownAsync(new Progress<string>(), CancellationToken.None);
        }
        finally
        {
            await Driver.DisposeAsync();
            Client.Dispose();
        }
    }
}
