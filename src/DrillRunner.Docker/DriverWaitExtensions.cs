using DrillRunner.Drivers;

namespace DrillRunner.Docker;

/// <summary>Verification helpers: poll a driver until an instance reports a state, bounded in time.</summary>
public static class DriverWaitExtensions
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<InstanceInfo> WaitForStateAsync(
        this IEnvironmentDriver driver,
        string instanceId,
        InstanceState state,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            var info = await driver.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (info.State == state)
            {
                return info;
            }

            if (timeProvider.GetElapsedTime(started) >= timeout)
            {
                throw new DriverException($"Instance '{instanceId}' did not reach {state} within {timeout.TotalSeconds:0.#} s (it is {info.State}).");
            }

            await Task.Delay(pollInterval ?? DefaultPollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
