using System.Collections.Concurrent;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Testing.Fakes;

namespace DrillRunner.Server.Tests.Harness;

/// <summary>Stands in for driver <c>local</c>: one in-memory environment per name, brought up on first use and kept across runs.</summary>
internal sealed class FakeDriverFactory : IDriverFactory
{
    private readonly ConcurrentDictionary<string, FakeDriver> _drivers = new(StringComparer.Ordinal);

    public string Name => "local";

    public IReadOnlyCollection<Type> Capabilities { get; } = DriverCapabilities.Of(typeof(FakeDriver));

    public FakeDriver For(string environment) => _drivers[environment];

    /// <summary>Whether any run has used the environment's driver at all.</summary>
    public bool WasUsed(string environment) => _drivers.ContainsKey(environment);

    public IEnvironmentDriver Create(EnvironmentSpec environment, TimeProvider timeProvider) =>
        _drivers.GetOrAdd(environment.Name, _ =>
        {
            var driver = new FakeDriver(environment, Name);
            driver.UpAsync(new Progress<string>(), CancellationToken.None).GetAwaiter().GetResult();
            return driver;
        });
}
