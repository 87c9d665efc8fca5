using DrillRunner.Drivers;
using DrillRunner.Model;
using DrillRunner.Testing.Servers;

namespace DrillRunner.Local.Tests;

/// <summary>Config-file faults on Debian's nginx and haproxy run as local processes under the supervisor.</summary>
public sealed class LocalRealServerTests : RealServerTests
{
    private readonly string _stateRoot = Path.Combine(Path.GetTempPath(), "drillrunner-local-tests", Guid.NewGuid().ToString("N")[..8]);

    protected override ServiceSpec Adapt(ServiceSpec service) => service;

    protected override Task<IEnvironmentDriver> CreateDriverAsync(EnvironmentSpec environment) =>
        Task.FromResult(new LocalDriverFactory(new LocalDriverOptions { StateRoot = _stateRoot, StopGrace = TimeSpan.FromSeconds(2) }).Create(environment, TimeProvider.System));
}
