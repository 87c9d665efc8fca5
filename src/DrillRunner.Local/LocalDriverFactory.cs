using DrillRunner.Drivers;
using DrillRunner.Model;

namespace DrillRunner.Local;

/// <summary>Creates <c>local</c> drivers: an environment's services as processes on 127.0.0.1 owned by a supervisor.</summary>
public sealed class LocalDriverFactory(LocalDriverOptions? options = null) : IDriverFactory
{
    private readonly LocalDriverOptions _options = options ?? new LocalDriverOptions();

    public string Name => LocalDriverConstants.Name;

    public IEnvironmentDriver Create(EnvironmentSpec environment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new LocalDriver(environment, _options, timeProvider);
    }
}
