using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// A signal to a container's main process that the engine does not see: through Docker's kill API even a SIGHUP makes
/// the container count as stopped by hand, and its restart policy would no longer apply. On this machine the host pid
/// is signalled (after checking its cgroup); on a remote engine a <c>kill</c> runs in the container.
/// </summary>
internal sealed class ContainerSignals(InstanceCatalog catalog, DockerEngine engine, ContainerExec exec)
{
    public async Task SignalAsync(string instanceId, string signal, CancellationToken cancellationToken)
    {
        var number = SignalNames.Parse(signal) ?? throw new DriverException($"unknown signal '{signal}' for {instanceId}");
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (container.State is not { Running: true, Pid: > 0 } state)
        {
            throw new DriverException($"cannot send {signal} to {instanceId}: it is not running");
        }

        if (engine.IsLocal)
        {
            var pid = checked((int)state.Pid);
            if (!HostProcesses.BelongsTo(pid, container.ID) || !HostProcesses.Signal(pid, number))
            {
                throw new DriverException($"{signal} to {instanceId} (host pid {pid}) failed: the process is gone or not in the container's cgroup");
            }

            return;
        }

        var result = await exec.ExecAsync(instanceId, new ExecRequest(["kill", "-s", SignalNames.ShortName(number), "1"]) { Timeout = TimeSpan.FromSeconds(10) }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DriverException($"{signal} to {instanceId} on the remote engine {engine.Endpoint}: kill in the container failed ({result.Summary})");
        }
    }
}
