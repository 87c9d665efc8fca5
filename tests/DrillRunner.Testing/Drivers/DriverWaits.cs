using DrillRunner.Drivers;
using Xunit;

namespace DrillRunner.Testing.Drivers;

/// <summary>Bounded polling of a driver and of instances' HTTP endpoints, on the real clock.</summary>
public static class DriverWaits
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static async Task<InstanceInfo> UntilAsync(
        IEnvironmentDriver driver, string instanceId, Func<InstanceInfo, bool> condition, TimeSpan timeout, string what)
    {
        var clock = TimeProvider.System;
        var start = clock.GetTimestamp();
        var info = await driver.GetInstanceAsync(instanceId, CancellationToken.None);
        for (var attempt = 0; attempt < 10_000 && !condition(info); attempt++)
        {
            Assert.True(
                clock.GetElapsedTime(start) < timeout,
                $"{instanceId} not {what} within {timeout.TotalSeconds}s; last seen {info.State}/{info.Health} pid {info.ProcessId}");
            await Task.Delay(Interval, clock);
            info = await driver.GetInstanceAsync(instanceId, CancellationToken.None);
        }

        return info;
    }

    public static bool IsUp(InstanceInfo info) =>
        info.State == InstanceState.Running && info.Health is InstanceHealth.Healthy or InstanceHealth.None;

    /// <summary>True when <c>GET {endpoint}{path}</c> answers 2xx within <paramref name="timeout"/>.</summary>
    public static async Task<bool> AnswersAsync(Uri endpoint, string path, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout, TimeProvider.System);
        try
        {
            using var response = await Http.GetAsync(new Uri(endpoint, path), cancel.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
