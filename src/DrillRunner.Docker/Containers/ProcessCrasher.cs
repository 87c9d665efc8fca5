using System.Diagnostics;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// An unexpected death of a container's main process, so the engine applies the restart policy (an API kill
/// counts as a manual stop and would not). On this host the process is killed by its host pid; on a remote engine
/// through the container's init (<see cref="InitCrasher"/>).
/// </summary>
internal sealed class ProcessCrasher(InstanceCatalog catalog, DockerEngine engine, ContainerExec exec, TimeProvider timeProvider)
{
    /// <summary>The stop signal of containers started with an init: explicit, so a forwarded crash signal is not a manual stop.</summary>
    public const string StopSignal = "SIGTERM";

    private static readonly TimeSpan GoneTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GonePollInterval = TimeSpan.FromMilliseconds(5);

    public async Task CrashAsync(string instanceId, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (container.State is not { Running: true, Paused: false, Pid: > 0 } state)
        {
            // A frozen process would only die when thawed, long after the step's time.
            throw new DriverException($"Cannot crash '{instanceId}': it is not running (or is paused).");
        }

        if (!engine.IsLocal)
        {
            await new InitCrasher(engine, exec, timeProvider).CrashAsync(instanceId, container, cancellationToken).ConfigureAwait(false);
            return;
        }

        var pid = checked((int)state.Pid);
        if (!HostProcesses.BelongsTo(pid, container.ID))
        {
            throw new DriverException(
                $"Cannot crash '{instanceId}': host pid {pid} is not in the container's cgroup (is the runner in another pid namespace than the engine?).");
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // The process exited between inspect and kill: the crash already happened.
        }

        // Return once the process is gone, so a read right after never sees the dead instance as running.
        var started = timeProvider.GetTimestamp();
        while (Directory.Exists($"/proc/{pid}") && timeProvider.GetElapsedTime(started) < GoneTimeout)
        {
            await Task.Delay(GonePollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
