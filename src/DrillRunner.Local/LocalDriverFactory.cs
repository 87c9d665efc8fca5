using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Local.Cgroups;
using DrillRunner.Model;

namespace DrillRunner.Local;

/// <summary>
/// Creates <c>local</c> drivers: an environment's services as processes on 127.0.0.1, owned by one
/// <c>drill-supervisor</c> per environment that outlives the command which started it. State lives in
/// <c>&lt;StateRoot&gt;/&lt;environment&gt;/</c>: <c>state.json</c> (supervisor pid, control port, instances),
/// <c>supervisor.log</c>, <c>supervisor.lock</c> and <c>logs/&lt;instance-id&gt;.log</c>.
/// </summary>
public sealed class LocalDriverFactory(LocalDriverOptions? options = null) : IDriverFactory
{
    private readonly LocalDriverOptions _options = options ?? new LocalDriverOptions();

    public string Name => LocalDriverConstants.Name;

    public IReadOnlyCollection<Type> Capabilities { get; } = DriverCapabilities.Of(typeof(LocalDriver));

    public IEnvironmentDriver Create(EnvironmentSpec environment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(timeProvider);

        // The name becomes a folder under the state root: nothing that could climb out of it.
        if (environment.Name.Length == 0 || environment.Name is "." or ".."
            || !environment.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new DriverException($"{environment.SourceFile}: environment name '{environment.Name}' must be letters, digits, '-', '_' or '.'");
        }

        return new LocalDriver(environment, _options, timeProvider);
    }

    /// <summary>Resource limits need cgroups the runner may change (v1, as root); elsewhere they are refused at load.</summary>
    public string? WhyNot(Type capability, EnvironmentSpec environment)
    {
        ArgumentNullException.ThrowIfNull(capability);
        if (!Capabilities.Contains(capability))
        {
            return $"the {Name} driver cannot do {DriverCapabilities.Describe(capability)}";
        }

        return capability == typeof(IResourceLimits) && ProcessCgroups.WhyUnavailable() is { } why
            ? $"the {Name} driver limits processes through cgroups, which this host does not allow: {why}"
            : null;
    }
}
