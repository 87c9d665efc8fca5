using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;
using DrillRunner.Testing.Servers;

namespace DrillRunner.Docker.Tests.Servers;

/// <summary>
/// Config-file faults on Debian's nginx and haproxy in containers (host networking) built from Debian packages
/// (<c>build: { debian: [...] }</c>, never pulled), files read and written through the engine's archive API.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DockerRealServerTests : RealServerTests
{
    protected override ServiceSpec Adapt(ServiceSpec service) => new()
    {
        Name = service.Name,
        Port = service.Port,
        Image = "drillrunner-test/servers",
        Build = new ImageBuildSpec { Debian = ["nginx", "haproxy", "procps"] },
        Command = service.Command,
        Args = service.Args,
        HealthPath = service.HealthPath,
        Files = service.Files,
        Supervisor = new SupervisorSpec(),
    };

    protected override Task<IEnvironmentDriver> CreateDriverAsync(EnvironmentSpec environment) =>
        Task.FromResult(new DockerDriverFactory().Create(environment, TimeProvider.System));

    [DockerFact]
    public async Task A_reload_by_signal_leaves_the_restart_policy_in_force()
    {
        var web = await InstanceAsync("web");
        await Driver.Require<IInstanceSignals>().SignalAsync(web, "SIGHUP", CancellationToken.None);
        var before = await Driver.GetInstanceAsync(web, CancellationToken.None);

        await Driver.Require<IInstanceLifecycle>().CrashAsync(web, CancellationToken.None);

        // Through Docker's kill API the SIGHUP would have made the container "stopped by hand": no restart.
        var after = await DriverWaits.UntilAsync(Driver, web, i => DriverWaits.IsUp(i) && i.ProcessId != before.ProcessId, TimeSpan.FromSeconds(30), "restarted by its policy");
        Assert.NotEqual(before.ProcessId, after.ProcessId);
    }
}
