using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Tests.Remote;

/// <summary>
/// A staging engine reached over <c>tcp://</c> with TLS: a second dockerd started by the test, with certificates the
/// test generates; the shared engine only lends the DemoShop image.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class TlsEngineTests(DemoShopImage image, SecondDockerDaemon daemon) : IClassFixture<SecondDockerDaemon>
{
    [DockerFact]
    public async Task A_driver_over_tls_starts_an_instance_on_the_remote_engine_and_reaches_it_on_the_engines_host()
    {
        await daemon.LoadImageAsync(image.Reference);
        var spec = Environment(daemon.CertFolder);
        var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
        await using (driver)
        {
            try
            {
                var availability = await driver.CheckAsync(CancellationToken.None);
                Assert.True(availability.IsAvailable, availability.Detail);

                await driver.UpAsync(new Progress<string>(), CancellationToken.None);

                var instance = Assert.Single(await driver.ListInstancesAsync(DemoShopEnvironment.Service, CancellationToken.None));
                Assert.Equal(InstanceState.Running, instance.State);
                Assert.Equal(InstanceHealth.Healthy, instance.Health);
                Assert.Equal(new Uri($"http://127.0.0.1:{spec.Services[DemoShopEnvironment.Service].Port}"), instance.Endpoint);
                using var http = new HttpClient();
                using var health = await http.GetAsync(new Uri(instance.Endpoint!, "/health"));
                Assert.True(health.IsSuccessStatusCode);

                // The container is on the second engine, not on the shared one.
                Assert.Single(await LabelledAsync(new Uri($"unix://{daemon.Socket}"), spec.Name));
                Assert.Empty(await LabelledAsync(new Uri($"unix://{DockerFactAttribute.SocketPath}"), spec.Name));
            }
            finally
            {
                await driver.DownAsync(new Progress<string>(), CancellationToken.None);
            }
        }

        Assert.Empty(await LabelledAsync(new Uri($"unix://{daemon.Socket}"), spec.Name));
    }

    [DockerFact]
    public async Task An_engine_certificate_that_does_not_name_the_endpoints_host_is_refused()
    {
        // The server certificate names 127.0.0.1 only; "localhost" is the same listener under another name.
        var spec = Environment(daemon.CertFolder, $"tcp://localhost:{daemon.Port}");
        var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
        await using (driver)
        {
            var availability = await driver.CheckAsync(CancellationToken.None);
            var error = await Assert.ThrowsAsync<DriverException>(() => driver.ListInstancesAsync(DemoShopEnvironment.Service, CancellationToken.None));

            Assert.False(availability.IsAvailable);
            Assert.Contains("host name mismatch", availability.Detail, StringComparison.Ordinal);
            Assert.Contains("TLS refused", error.Message, StringComparison.Ordinal);
            Assert.Contains("host name mismatch", error.Message, StringComparison.Ordinal);
        }
    }

    [DockerFact]
    public async Task An_engine_certificate_from_another_ca_is_refused()
    {
        // Client certificate and key are the real ones (the engine would accept them); only the trusted CA differs.
        var other = Path.Combine(daemon.Root, "other-ca");
        TestCertificates.Write(other, "another-ca");
        File.Copy(Path.Combine(daemon.CertFolder, "cert.pem"), Path.Combine(other, "cert.pem"), overwrite: true);
        File.Copy(Path.Combine(daemon.CertFolder, "key.pem"), Path.Combine(other, "key.pem"), overwrite: true);
        var driver = new DockerDriverFactory().Create(Environment(other), TimeProvider.System);
        await using (driver)
        {
            var error = await Assert.ThrowsAsync<DriverException>(() => driver.ListInstancesAsync(DemoShopEnvironment.Service, CancellationToken.None));

            Assert.Contains("TLS refused", error.Message, StringComparison.Ordinal);
            Assert.Contains("not signed by the environment's ca.pem (CN=another-ca)", error.Message, StringComparison.Ordinal);
        }
    }

    [DockerFact]
    public async Task The_engine_without_a_client_certificate_is_unreachable_as_insecure_tcp()
    {
        // insecure: true speaks plain HTTP; the TLS listener does not answer it as an engine.
        var spec = new EnvironmentSpec { Name = "x", Docker = new DockerEndpointSpec { Endpoint = daemon.Endpoint, Insecure = true } };
        var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
        await using (driver)
        {
            var availability = await driver.CheckAsync(CancellationToken.None);

            Assert.False(availability.IsAvailable);
        }
    }

    private EnvironmentSpec Environment(string certFolder, string? endpoint = null) => new()
    {
        Name = "tls" + Guid.NewGuid().ToString("N")[..10],
        Driver = "docker",
        Docker = new DockerEndpointSpec { Endpoint = endpoint ?? daemon.Endpoint, TlsCertPath = certFolder },
        Services = new Dictionary<string, ServiceSpec>
        {
            [DemoShopEnvironment.Service] = new()
            {
                Name = DemoShopEnvironment.Service,
                Image = image.Reference,
                Port = FreePorts.FindRange(3),
                HealthPath = "/health",
                Settings = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:{port}", ["Logging__LogLevel__Default"] = "Warning" },
            },
        },
    };

    private static async Task<IList<ContainerListResponse>> LabelledAsync(Uri engine, string environment)
    {
        using var client = new DockerClientConfiguration(engine).CreateClient();
        return await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{DockerLabels.Environment}={environment}"] = true },
                },
            },
            CancellationToken.None);
    }
}
