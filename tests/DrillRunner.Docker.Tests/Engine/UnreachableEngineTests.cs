using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Docker.Tests.Engine;

public sealed class UnreachableEngineTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_unavailable_quickly_with_its_address()
    {
        var (driver, endpoint) = CreateForClosedPort();
        await using (driver)
        {
            var clock = Stopwatch.StartNew();
            var availability = await driver.CheckAsync(CancellationToken.None);

            Assert.False(availability.IsAvailable);
            Assert.Contains(endpoint, availability.Detail, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
        }
    }

    [Fact]
    public async Task Calls_to_an_unreachable_endpoint_fail_quickly_with_a_driver_exception_naming_it()
    {
        var (driver, endpoint) = CreateForClosedPort();
        await using (driver)
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<DriverException>(() => driver.GetInstanceAsync("x-app-1", CancellationToken.None));

            Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
            await Assert.ThrowsAsync<DriverException>(() => driver.Require<IInstanceLifecycle>().KillAsync("x-app-1", "SIGKILL", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_missing_unix_socket_is_reported_unavailable_with_its_path()
    {
        var endpoint = $"unix:///tmp/drillrunner-missing-{Guid.NewGuid():N}.sock";
        var spec = new EnvironmentSpec { Name = "x", Docker = new DockerEndpointSpec { Endpoint = endpoint } };
        var driver = new DockerDriverFactory().Create(spec, TimeProvider.System);
        await using (driver)
        {
            var clock = Stopwatch.StartNew();
            var availability = await driver.CheckAsync(CancellationToken.None);
            var error = await Assert.ThrowsAsync<DriverException>(() => driver.DownAsync(new Progress<string>(), CancellationToken.None));

            Assert.False(availability.IsAvailable);
            Assert.Contains(endpoint, availability.Detail, StringComparison.Ordinal);
            Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, Quickly);
        }
    }

    [Fact]
    public async Task An_endpoint_that_accepts_but_never_answers_gives_up_after_the_connect_timeout()
    {
        // The kernel completes the handshake for the backlog; nothing ever reads or answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = $"tcp://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var spec = new EnvironmentSpec { Name = "x", Docker = new DockerEndpointSpec { Endpoint = endpoint, Insecure = true } };
        var options = new DockerDriverOptions { ConnectTimeout = TimeSpan.FromSeconds(1) };
        var driver = new DockerDriverFactory(options).Create(spec, TimeProvider.System);
        await using (driver)
        {
            var clock = Stopwatch.StartNew();
            var availability = await driver.CheckAsync(CancellationToken.None);
            var checkTime = clock.Elapsed;
            var error = await Assert.ThrowsAsync<DriverException>(() => driver.GetInstanceAsync("x-app-1", CancellationToken.None));

            Assert.False(availability.IsAvailable);
            Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
            Assert.InRange(checkTime, TimeSpan.FromSeconds(0.9), Quickly);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.8), 2 * Quickly);
        }
    }

    [Fact]
    public void An_endpoint_that_is_not_a_docker_address_is_refused()
    {
        var spec = new EnvironmentSpec { Name = "x", Docker = new DockerEndpointSpec { Endpoint = "ftp://example" } };

        var error = Assert.Throws<DriverException>(() => new DockerDriverFactory().Create(spec, TimeProvider.System));

        Assert.Contains("ftp://example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tcp_endpoint_without_tls_or_insecure_is_refused_by_the_driver_too()
    {
        var spec = new EnvironmentSpec { Name = "x", Docker = new DockerEndpointSpec { Endpoint = "tcp://127.0.0.1:2375" } };

        var error = Assert.Throws<DriverException>(() => new DockerDriverFactory().Create(spec, TimeProvider.System));

        Assert.Contains("without TLS", error.Message, StringComparison.Ordinal);
    }

    private static (IEnvironmentDriver Driver, string Endpoint) CreateForClosedPort()
    {
        var endpoint = $"tcp://127.0.0.1:{FreePorts.FindRange(1)}";
        var spec = new EnvironmentSpec { Name = "x", Docker = new DockerEndpointSpec { Endpoint = endpoint, Insecure = true } };
        return (new DockerDriverFactory().Create(spec, TimeProvider.System), endpoint);
    }
}
