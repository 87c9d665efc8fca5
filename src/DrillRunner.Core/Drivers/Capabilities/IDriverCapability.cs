namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Marks one thing a driver can do beyond listing and reading instances (lifecycle, scaling, exec, network shaping,
/// ...). Steps name the capabilities they need; the loader refuses a step the environment's driver lacks. Each
/// capability interface carries a <see cref="CapabilityAttribute"/> with the words used in those messages.
/// </summary>
#pragma warning disable CA1040 // A marker: capabilities are found by type, the interface carries no members of its own.
public interface IDriverCapability;
#pragma warning restore CA1040
