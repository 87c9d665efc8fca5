using DrillRunner.Model;

namespace DrillRunner.Drivers;

/// <summary>Creates a driver for an environment. Each driver package registers one under its name.</summary>
public interface IDriverFactory
{
    string Name { get; }

    IEnvironmentDriver Create(EnvironmentSpec environment, TimeProvider timeProvider);
}
