using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Local;

namespace DrillRunner.Hosting;

/// <summary>Every driver package's factory; one line per driver.</summary>
internal static class DriverFactories
{
    public static IReadOnlyList<IDriverFactory> All(RunnerOptions options) =>
    [
        new LocalDriverFactory(new LocalDriverOptions { StateRoot = Path.Combine(options.StateDirectory, "local") }),
        new DockerDriverFactory(),
    ];
}
