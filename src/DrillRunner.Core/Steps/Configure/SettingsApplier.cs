using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.Configure;

/// <summary>Applies settings to an instance through the driver and verifies the instance runs with them.</summary>
internal static class SettingsApplier
{
    public static async Task ApplyAsync(StepContext context, string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        await context.Driver.Require<IInstanceReconfiguration>().ReconfigureAsync(instanceId, settings, cancellationToken);
        var info = await InstanceWaiter.WaitForAsync(context, instanceId, InstanceWaiter.IsUp, "running and healthy", cancellationToken);
        foreach (var (key, expected) in settings)
        {
            var actual = info.Settings.GetValueOrDefault(key);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                throw new DriverException($"{instanceId}: setting {key} is '{actual ?? "(absent)"}' after reconfigure, expected '{expected ?? "(absent)"}'");
            }
        }
    }

    public static IReadOnlyDictionary<string, string?> Normalize(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(p => p.Key, p => string.IsNullOrEmpty(p.Value) ? null : p.Value, StringComparer.Ordinal);
}
