using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Drivers;
using DrillRunner.Model;
using DrillRunner.Testing.Drivers;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Tests.Infrastructure;

/// <summary>A uniquely named environment of DemoShop containers on host networking; disposing runs <c>down</c>.</summary>
internal sealed class DemoShopEnvironment : IAsyncDisposable
{
    public const string Service = "app";

    private DemoShopEnvironment(EnvironmentSpec spec, IEnvironmentDriver driver)
    {
        Spec = spec;
        Driver = driver;
        Client = new DockerClientConfiguration().CreateClient();
    }

    public EnvironmentSpec Spec { get; }

    public IEnvironmentDriver Driver { get; }

    /// <summary>A separate client, so assertions do not trust the driver under test.</summary>
    public DockerClient Client { get; }

    public int Port => Spec.Services[Service].Port;

    public static DemoShopEnvironment Create(string image, int instances = 1, bool supervised = false, DockerDriverOptions? options = null)
    {
        var service = new ServiceSpec
        {
            Name = Service,
            Image = image,
            Instances = instances,
            Port = FreePorts.FindRange(instances + 2),
            HealthPath = "/health",
            Supervisor = supervised ? new SupervisorSpec() : null,
            Settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:{port}",
                ["DEMO_INSTANCE"] = "{instance}",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var spec = new EnvironmentSpec
        {
            Name = "t" + Guid.NewGuid().ToString("N")[..10],
            Driver = "docker",
            Services = new Dictionary<string, ServiceSpec> { [Service] = service },
        };
        var driver = new DockerDriverFactory(options ?? new DockerDriverOptions()).Create(spec, TimeProvider.System);
        return new DemoShopEnvironment(spec, driver);
    }

    public string InstanceId(int index) => InstanceSettings.InstanceId(Spec, Spec.Services[Service], index);

    public Task UpAsync() => Driver.UpAsync(new Progress<string>(), CancellationToken.None);

    public Task<ContainerInspectResponse> InspectAsync(int index) => Client.Containers.InspectContainerAsync(InstanceId(index), CancellationToken.None);

    /// <summary>Every container carrying this environment's label, running or not.</summary>
    public async Task<IList<ContainerListResponse>> LabelledContainersAsync() =>
        await Client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{DockerLabels.Environment}={Spec.Name}"] = true },
                },
            },
            CancellationToken.None);

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
