using System.ComponentModel.DataAnnotations;
using DrillRunner.Docker.Containers;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;

namespace DrillRunner.Docker;

/// <summary>Creates <c>docker</c> drivers. Options are validated once, here, not on each call.</summary>
public sealed class DockerDriverFactory : IDriverFactory
{
    private readonly DockerDriverOptions _options;

    public DockerDriverFactory()
        : this(new DockerDriverOptions())
    {
    }

    public DockerDriverFactory(DockerDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        _options = options;
    }

    public string Name => DockerDriverConstants.Name;

    public IReadOnlyCollection<Type> Capabilities { get; } = DriverCapabilities.Of(typeof(DockerEnvironmentDriver));

    public IEnvironmentDriver Create(EnvironmentSpec environment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new DockerEnvironmentDriver(environment, _options, timeProvider);
    }

    /// <summary>
    /// Network shaping needs containers with a network namespace of their own (not host networking) and, like filling
    /// mounts, the engine on this machine: both act from the host through <c>/proc</c> and <c>nsenter</c>.
    /// </summary>
    public string? WhyNot(Type capability, EnvironmentSpec environment)
    {
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(environment);
        if (!Capabilities.Contains(capability))
        {
            return $"the {Name} driver cannot do {DriverCapabilities.Describe(capability)}";
        }

        var local = environment.Docker.Endpoint.StartsWith("unix://", StringComparison.Ordinal);
        if (capability == typeof(INetworkShaping) && EnvironmentNetwork.IsHost(environment))
        {
            return $"environment '{environment.Name}' runs its containers on host networking (docker.network: host), whose network is the host's own, which DrillRunner never changes; use docker.network: bridge";
        }

        return (capability == typeof(INetworkShaping) || capability == typeof(IMountFilling)) && !local
            ? $"it acts from the Docker host, and environment '{environment.Name}' uses the remote engine {environment.Docker.Endpoint}"
            : null;
    }
}
