using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Tests.Remote;

/// <summary>
/// <c>crash</c> on an engine reached over TLS (a second dockerd): no host pid to signal, so the container's init
/// takes it; the engine must see an unexpected exit and apply the restart policy.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RemoteCrashTests(DemoShopImage image, SecondDockerDaemon daemon) : IClassFixture<SecondDockerDaemon>
{
    [DockerFact]
    public async Task A_crash_under_an_init_kills_the_service_with_sigkill_and_the_engine_restarts_it()
    {
        // A Debian image (built by the driver on the remote engine) has kill and sh: the crash is a SIGKILL.
        var service = new ServiceSpec
        {
            Name = "worker",
            Image = "drillrunner-test/remote-crash",
            Build = new ImageBuildSpec { Debian = ["procps"] },
            Command = "sleep",
            Args = ["600"],
            Supervisor = new SupervisorSpec(),
            Init = true,
        };

        var exit = await CrashAndReadExitAsync(service);

        Assert.Equal("137", exit);
    }

    [DockerFact]
    public async Task A_crash_under_an_init_of_an_image_without_a_shell_is_a_forwarded_signal_and_the_engine_restarts_it()
    {
        // DemoShop's image holds the app alone: no kill, no sh. The init forwards SIGXCPU; the app dies of it (128 + 24).
        await daemon.LoadImageAsync(image.Reference);
        var exit = await CrashAndReadExitAsync(Shop(init: true));

        Assert.Equal("152", exit);
    }

    [DockerFact]
    public async Task A_crash_without_an_init_on_a_remote_engine_is_refused_and_changes_nothing()
    {
        await daemon.LoadImageAsync(image.Reference);
        var spec = Environment(Shop(init: false));
        var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
        await using (driver)
        {
            try
            {
                await driver.UpAsync(new Progress<string>(), CancellationToken.None);
                var before = Assert.Single(await driver.ListInstancesAsync("shop", CancellationToken.None));

                var error = await Assert.ThrowsAsync<DriverException>(() => driver.Require<IInstanceLifecycle>().CrashAsync(before.Id, CancellationToken.None));

                Assert.Contains("needs an init as the container's PID 1", error.Message, StringComparison.Ordinal);
                Assert.Contains("init: true", error.Message, StringComparison.Ordinal);
                var inspect = await InspectAsync(before.Id);
                Assert.True(inspect.State.Running);
                Assert.Equal(0, inspect.RestartCount);
            }
            finally
            {
                await driver.DownAsync(new Progress<string>(), CancellationToken.None);
            }
        }
    }

    private async Task<string?> CrashAndReadExitAsync(ServiceSpec service)
    {
        var spec = Environment(service);
        var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
        await using (driver)
        {
            try
            {
                await driver.UpAsync(new Progress<string>(), CancellationToken.None);
                var instance = Assert.Single(await driver.ListInstancesAsync(service.Name, CancellationToken.None));
                var before = await InspectAsync(instance.Id);
                Assert.True(before.HostConfig.Init);
                var since = TimeProvider.System.GetUtcNow().AddSeconds(-1);

                await driver.Require<IInstanceLifecycle>().CrashAsync(instance.Id, CancellationToken.None);

                // The restart policy applied: the engine started the container again by itself.
                using var restarted = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                ContainerInspectResponse after;
                do
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, restarted.Token);
                    after = await InspectAsync(instance.Id);
                }
                while (!(after.State.Running && after.RestartCount > before.RestartCount));

                Assert.NotEqual(before.State.StartedAt, after.State.StartedAt);
                return await DieExitCodeAsync(instance.Id, since);
            }
            finally
            {
                await driver.DownAsync(new Progress<string>(), CancellationToken.None);
            }
        }
    }

    private ServiceSpec Shop(bool init) => new()
    {
        Name = "shop",
        Image = image.Reference,
        Port = FreePorts.FindRange(1),
        HealthPath = "/health",
        Settings = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:{port}", ["Logging__LogLevel__Default"] = "Warning" },
        Supervisor = new SupervisorSpec(),
        Init = init,
    };

    private EnvironmentSpec Environment(ServiceSpec service) => new()
    {
        Name = "crash" + Guid.NewGuid().ToString("N")[..10],
        Driver = "docker",
        Docker = new DockerEndpointSpec { Endpoint = daemon.Endpoint, TlsCertPath = daemon.CertFolder },
        Services = new Dictionary<string, ServiceSpec> { [service.Name] = service },
    };

    private async Task<ContainerInspectResponse> InspectAsync(string name)
    {
        using var client = new DockerClientConfiguration(new Uri($"unix://{daemon.Socket}")).CreateClient();
        return await client.Containers.InspectContainerAsync(name);
    }

    /// <summary>The exit code of the engine's first <c>die</c> event for the container since <paramref name="since"/>.</summary>
    private async Task<string?> DieExitCodeAsync(string name, DateTimeOffset since)
    {
        using var client = new DockerClientConfiguration(new Uri($"unix://{daemon.Socket}")).CreateClient();
        var events = new List<Message>();
        await client.System.MonitorEventsAsync(
            new ContainerEventsParameters
            {
                Since = since.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Until = TimeProvider.System.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["container"] = new Dictionary<string, bool> { [name] = true },
                    ["event"] = new Dictionary<string, bool> { ["die"] = true },
                },
            },
            new Progress<Message>(events.Add));
        var die = Assert.Single(events);
        return die.Actor.Attributes.TryGetValue("exitCode", out var code) ? code : null;
    }
}
