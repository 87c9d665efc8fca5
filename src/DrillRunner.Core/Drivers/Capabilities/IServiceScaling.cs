namespace DrillRunner.Drivers.Capabilities;

/// <summary>Adding and removing instances of a service.</summary>
[Capability("scaling services")]
public interface IServiceScaling : IDriverCapability
{
    /// <summary>Adds or removes instances of a service so that it has <paramref name="replicas"/>.</summary>
    Task ScaleAsync(string service, int replicas, CancellationToken cancellationToken);
}
