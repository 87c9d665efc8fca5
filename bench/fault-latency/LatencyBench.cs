using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.FaultLatency;

/// <summary>
/// Each sample: the step is scheduled 100 ms ahead, fired when the timer elapses, and timed from its scheduled
/// moment until the engine reports the new state (kill: exited; restart: running with a new pid).
/// </summary>
internal sealed class LatencyBench(IEnvironmentDriver driver, string id, TimeProvider time)
{
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DriverPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public async Task<Dictionary<string, List<double>>> RunAsync(int iterations, CancellationToken cancellationToken)
    {
        var samples = new Dictionary<string, List<double>>
        {
            ["kill/driver"] = [],
            ["kill/cli"] = [],
            ["restart/driver"] = [],
            ["restart/cli"] = [],
        };
        for (var i = 0; i < iterations; i++)
        {
            samples["kill/driver"].Add(await TimeAsync(
                () => driver.Require<IInstanceLifecycle>().KillAsync(id, "SIGKILL", cancellationToken),
                async () => (await driver.GetInstanceAsync(id, cancellationToken)).State == InstanceState.Exited));
            await RestoreAsync(() => driver.Require<IInstanceLifecycle>().StartAsync(id, cancellationToken), cancellationToken);

            samples["kill/cli"].Add(await TimeAsync(
                () => DockerCli.RunAsync(cancellationToken, "kill", id),
                async () => (await DockerCli.StateAsync(id, cancellationToken)).StartsWith("exited", StringComparison.Ordinal)));
            await RestoreAsync(() => DockerCli.RunAsync(cancellationToken, "start", id), cancellationToken);

            var pid = (await driver.GetInstanceAsync(id, cancellationToken)).ProcessId;
            samples["restart/driver"].Add(await TimeAsync(
                () => driver.Require<IInstanceLifecycle>().RestartAsync(id, cancellationToken),
                async () => await driver.GetInstanceAsync(id, cancellationToken) is { State: InstanceState.Running } info && info.ProcessId != pid));
            await RestoreAsync(() => Task.CompletedTask, cancellationToken);

            var before = await DockerCli.StateAsync(id, cancellationToken);
            samples["restart/cli"].Add(await TimeAsync(
                () => DockerCli.RunAsync(cancellationToken, "restart", "-t", "5", id),
                async () => await DockerCli.StateAsync(id, cancellationToken) is var now && now.StartsWith("running", StringComparison.Ordinal) && now != before));
            await RestoreAsync(() => Task.CompletedTask, cancellationToken);
            Console.Write('.');
        }

        Console.WriteLine();
        return samples;
    }

    private async Task<double> TimeAsync(Func<Task> inject, Func<Task<bool>> reached)
    {
        var scheduled = time.GetTimestamp() + (long)(Lead.TotalSeconds * time.TimestampFrequency);
        await Task.Delay(Lead, time);
        await inject();
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            if (await reached())
            {
                return (time.GetTimestamp() - scheduled) * 1000.0 / time.TimestampFrequency;
            }

            if (time.GetElapsedTime(scheduled) > Bound)
            {
                break;
            }

            await Task.Delay(DriverPoll, time);
        }

        throw new TimeoutException($"{id} did not reach the new state within {Bound}");
    }

    // Not measured: back to running and healthy, so every sample starts from the same steady state.
    private async Task RestoreAsync(Func<Task> restore, CancellationToken cancellationToken)
    {
        await restore();
        var started = time.GetTimestamp();
        while (await driver.GetInstanceAsync(id, cancellationToken) is not { State: InstanceState.Running, Health: InstanceHealth.Healthy })
        {
            if (time.GetElapsedTime(started) > Bound)
            {
                throw new TimeoutException($"{id} did not come back healthy within {Bound}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }
}
