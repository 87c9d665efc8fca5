using System.ComponentModel.DataAnnotations;
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
}
