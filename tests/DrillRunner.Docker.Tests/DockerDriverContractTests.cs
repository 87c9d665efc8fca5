using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Testing;
using DrillRunner.Drivers;
using DrillRunner.Model;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Docker.Tests;

/// <summary>
/// The shared driver contract against DemoShop containers with restart policy <c>always</c>. These inherited
/// facts cannot be <see cref="DockerFactAttribute"/>s, so without an engine they fail instead of skipping.
/// </summary>
[Collection(DockerCollection.Name)]
[RequiresDocker]
public sealed class DockerDriverContractTests(DemoShopImage image) : DriverContractTests
{
    protected override Task<IEnvironmentDriver> CreateDriverAsync()
    {
        var service = new ServiceSpec
        {
            Name = Service,
            Image = image.Reference,
            Instances = 2,
            Port = FirstPort,
            HealthPath = HealthPath,
            Supervisor = new SupervisorSpec(),
            Settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:{port}",
                [MarkerSetting] = InitialMarker,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var environment = new EnvironmentSpec
        {
            Name = "contract" + Guid.NewGuid().ToString("N")[..8],
            Driver = "docker",
            Services = new Dictionary<string, ServiceSpec> { [Service] = service },
        };
        return Task.FromResult(new DockerDriverFactory().Create(environment, TimeProvider.System));
    }
}
