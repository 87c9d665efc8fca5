using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;

namespace DrillRunner.Drivers;

/// <summary>
/// Creates a driver for an environment. Each driver package registers one under its name (<c>AddLocal()</c>,
/// <c>AddDocker()</c>) and says which capabilities its drivers have, so drills are checked when they load.
/// </summary>
public interface IDriverFactory
{
    string Name { get; }

    /// <summary>The <see cref="IDriverCapability"/> interfaces every driver this factory creates implements.</summary>
    IReadOnlyCollection<Type> Capabilities { get; }

    IEnvironmentDriver Create(EnvironmentSpec environment, TimeProvider timeProvider);

    /// <summary>
    /// Why this driver cannot do <paramref name="capability"/> on <paramref name="environment"/> (e.g. network faults
    /// on host networking), or null when it can. By default: it can when it has the capability.
    /// </summary>
    string? WhyNot(Type capability, EnvironmentSpec environment) =>
        Capabilities.Contains(capability) ? null : $"the {Name} driver cannot do {DriverCapabilities.Describe(capability)}";
}
