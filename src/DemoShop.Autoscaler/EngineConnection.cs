using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Loading;
using DrillRunner.Local;

namespace DemoShop.Autoscaler;

/// <summary>
/// The engine the environment runs on, as the autoscaler's way to count and change instances: the Docker API
/// (the engine endpoint of the environment file) or, when a local supervisor started this process, that supervisor's
/// control API, found through its state file like the driver finds it.
/// </summary>
internal static class EngineConnection
{
    public static IEnvironmentDriver Open(AutoscalerOptions options, TimeProvider time)
    {
        var environment = EnvironmentLoader.Load(options.Environment);
        var state = Environment.GetEnvironmentVariable(LocalDriverConstants.StateDirectoryVariable);
        var driver = options.Driver == "auto" ? state is null ? "docker" : "local" : options.Driver;
        return driver switch
        {
            "local" when state is not null => new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.GetDirectoryName(Path.GetFullPath(state))! })
                .Create(environment, time),
            "local" => throw new DriverException($"Autoscaler:Driver is local but {LocalDriverConstants.StateDirectoryVariable} is not set: start the autoscaler from the environment's local supervisor"),
            "docker" => new DockerDriverFactory().Create(environment, time),
            _ => throw new DriverException($"Autoscaler:Driver must be auto, local or docker, not '{options.Driver}'"),
        };
    }
}
