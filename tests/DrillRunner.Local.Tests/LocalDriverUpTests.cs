using DrillRunner.Drivers;
using DrillRunner.Model;

namespace DrillRunner.Local.Tests;

public sealed class LocalDriverUpTests
{
    [Fact]
    public async Task Up_fails_naming_the_instance_and_showing_its_log_when_the_process_exits()
    {
        await using var bed = LocalTestBed.Create(new ServiceSpec
        {
            Name = "broken",
            Command = "/bin/sh",
            Args = ["-c", "echo boom from {service} {instance}; exit 3"],
        });

        var error = await Assert.ThrowsAsync<DriverException>(bed.UpAsync);

        Assert.Contains($"{bed.Environment.Name}-broken-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("boom from broken 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_times_out_naming_an_instance_that_never_turns_healthy()
    {
        var options = new LocalDriverOptions
        {
            StateRoot = Path.Combine(Path.GetTempPath(), "drillrunner-local-tests", Guid.NewGuid().ToString("N")[..8]),
            UpTimeout = TimeSpan.FromSeconds(2),
        };
        var environment = new EnvironmentSpec
        {
            Name = "t" + Guid.NewGuid().ToString("N")[..8],
            Services = new Dictionary<string, ServiceSpec>
            {
                ["mute"] = new() { Name = "mute", Port = Testing.Drivers.FreePorts.FindRange(1), Command = "sleep", Args = ["600"], HealthPath = "/health" },
            },
        };
        var driver = new LocalDriverFactory(options).Create(environment, TimeProvider.System);
        try
        {
            var error = await Assert.ThrowsAsync<DriverException>(() => driver.UpAsync(new Progress<string>(), CancellationToken.None));

            Assert.Contains("did not come up within 2s", error.Message, StringComparison.Ordinal);
            Assert.Contains($"{environment.Name}-mute-1: Running, health Unhealthy", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await driver.DownAsync(new Progress<string>(), CancellationToken.None);
            await driver.DisposeAsync();
            Directory.Delete(options.StateRoot, recursive: true);
        }
    }

    [Fact]
    public async Task A_service_without_a_command_is_a_driver_exception_before_anything_starts()
    {
        await using var bed = LocalTestBed.Create(new ServiceSpec { Name = "imageonly", Image = "shop:latest" });

        var error = await Assert.ThrowsAsync<DriverException>(bed.UpAsync);

        Assert.Contains("services.imageonly.command", error.Message, StringComparison.Ordinal);
        Assert.Null(bed.State);
    }

    [Fact]
    public async Task Operations_on_an_environment_that_is_not_up_say_so()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper());

        var error = await Assert.ThrowsAsync<DriverException>(() => bed.Driver.StopAsync("x", CancellationToken.None));

        Assert.Contains("is not up", error.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceState.Missing, (await bed.Driver.GetInstanceAsync($"{bed.Environment.Name}-worker-1", CancellationToken.None)).State);
        Assert.Equal("worker", (await bed.Driver.GetInstanceAsync($"{bed.Environment.Name}-worker-1", CancellationToken.None)).Service);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData("")]
    public void An_environment_name_that_is_not_a_plain_folder_name_is_refused(string name)
    {
        var error = Assert.Throws<DriverException>(
            () => new LocalDriverFactory().Create(new EnvironmentSpec { Name = name }, TimeProvider.System));

        Assert.Contains("environment name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_supervisor_is_copied_next_to_the_driver()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, LocalDriverConstants.SupervisorAssembly)));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "drill-supervisor.runtimeconfig.json")));
    }
}
