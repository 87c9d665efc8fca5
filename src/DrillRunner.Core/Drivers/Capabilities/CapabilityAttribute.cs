namespace DrillRunner.Drivers.Capabilities;

/// <summary>How a capability is named in messages, e.g. "instance lifecycle (kill, stop, pause, start)".</summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class CapabilityAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
