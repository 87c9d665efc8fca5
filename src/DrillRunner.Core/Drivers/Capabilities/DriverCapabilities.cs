using System.Reflection;

namespace DrillRunner.Drivers.Capabilities;

/// <summary>Finding a driver's capabilities and naming them in messages.</summary>
public static class DriverCapabilities
{
    /// <summary>The capability, or a <see cref="DriverException"/> saying the driver lacks it.</summary>
    public static TCapability Require<TCapability>(this IEnvironmentDriver driver)
        where TCapability : class, IDriverCapability
    {
        ArgumentNullException.ThrowIfNull(driver);
        return driver.Find<TCapability>()
            ?? throw new DriverException($"the {driver.Name} driver cannot do {Describe(typeof(TCapability))}");
    }

    /// <summary>Whether the driver has the capability given by its interface type.</summary>
    public static bool Has(this IEnvironmentDriver driver, Type capability)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(capability);
        return driver.FindCapability(capability) is not null;
    }

    /// <summary>Every capability interface <paramref name="implementation"/> implements.</summary>
    public static IReadOnlyList<Type> Of(Type implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return [.. implementation.GetInterfaces().Where(i => i != typeof(IDriverCapability) && typeof(IDriverCapability).IsAssignableFrom(i))];
    }

    public static string Describe(Type capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        return capability.GetCustomAttribute<CapabilityAttribute>()?.Description ?? capability.Name;
    }
}
