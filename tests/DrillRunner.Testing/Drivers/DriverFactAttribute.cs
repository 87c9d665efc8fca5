using Xunit;
using Xunit.Sdk;

namespace DrillRunner.Testing.Drivers;

/// <summary>
/// A contract-suite fact: runs for every driver subclass, but is skipped (with the reason) for a subclass marked
/// <see cref="RequiresDockerAttribute"/> when no engine answers and <c>CI</c> is not <c>true</c>.
/// </summary>
[XunitTestCaseDiscoverer("DrillRunner.Testing.Drivers.DriverFactDiscoverer", "DrillRunner.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DriverFactAttribute : FactAttribute
{
}

/// <summary>Marks a driver contract subclass that needs the local Docker engine.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresDockerAttribute : Attribute
{
}
