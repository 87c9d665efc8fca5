using System.Text;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Containers;

/// <summary>Bounded polls of the engine until an instance reaches a state; failures carry the container's log tail.</summary>
internal sealed class InstanceWaiter(
    InstanceCatalog catalog, InstanceReader reader, DockerEngine engine, DockerDriverOptions options, TimeProvider timeProvider)
{
    private const string LogTailLines = "20";

    public async Task<InstanceInfo> WaitForStateAsync(string instanceId, InstanceState state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            var info = await ReadAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (info.State == state)
            {
                return info;
            }

            if (timeProvider.GetElapsedTime(started) >= timeout)
            {
                throw new DriverException($"Instance '{instanceId}' did not reach {state} within {timeout.TotalSeconds:0.#} s (it is {info.State}).");
            }

            await Task.Delay(options.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Running and, when the service has a health path, answering it.</summary>
    public async Task WaitUntilReadyAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            var info = await ReadAsync(instanceId, cancellationToken).ConfigureAwait(false);
            var ready = info.State == InstanceState.Running && info.Health is InstanceHealth.Healthy or InstanceHealth.None;
            if (ready)
            {
                return;
            }

            var gaveUp = info.State is InstanceState.Exited or InstanceState.Stopped or InstanceState.Missing;
            if (gaveUp || timeProvider.GetElapsedTime(started) >= timeout)
            {
                var why = gaveUp ? $"it is {info.State}" : $"after {timeout.TotalSeconds:0.#} s it is {info.State}, health {info.Health}";
                var logs = info.State == InstanceState.Missing ? "" : await LogTailAsync(instanceId, cancellationToken).ConfigureAwait(false);
                throw new DriverException($"Instance '{instanceId}' did not become ready ({why}). Last log lines:\n{logs}");
            }

            await Task.Delay(options.PollInterval * 4, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> LogTailAsync(string instanceId, CancellationToken cancellationToken)
    {
        var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = LogTailLines };
        var (stdout, stderr) = await engine.CallAsync(
            "logs " + instanceId,
            async (c, ct) =>
            {
                using var stream = await c.Containers.GetContainerLogsAsync(instanceId, false, parameters, ct).ConfigureAwait(false);
                return await stream.ReadOutputToEndAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return new StringBuilder(stdout).Append(stderr).ToString().TrimEnd();
    }

    private async Task<InstanceInfo> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return found is { } f
            ? await reader.ReadAsync(f.Container, f.Service, cancellationToken).ConfigureAwait(false)
            : InstanceInfo.Missing(instanceId, "");
    }
}
