using DrillRunner.Drivers;
using DrillRunner.Engine;

namespace DrillRunner.Steps.Instances;

/// <summary>Verifies a change against the driver: polls until the instance reaches the expected state.</summary>
internal static class InstanceWaiter
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<InstanceInfo> WaitForAsync(
        StepContext context, string instanceId, Func<InstanceInfo, bool> condition, string expected, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = context.Time.GetUtcNow() + (timeout ?? DefaultTimeout);
        while (true)
        {
            var info = await context.Driver.GetInstanceAsync(instanceId, cancellationToken);
            if (condition(info))
            {
                return info;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                throw new DriverException($"{instanceId} did not become {expected} within {(timeout ?? DefaultTimeout).TotalSeconds:0}s (state {info.State}, health {info.Health})");
            }

            await Task.Delay(PollInterval, context.Time, cancellationToken);
        }
    }

    public static bool IsUp(InstanceInfo info) =>
        info.State == InstanceState.Running && info.Health is InstanceHealth.None or InstanceHealth.Healthy;
}
