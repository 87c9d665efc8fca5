using System.Globalization;
using System.Runtime.InteropServices;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// <see cref="IProcessSignals"/> for containers: the engine lists a container's processes with their host pids
/// (<c>docker top</c>), and they are signalled and read (<c>/proc</c>) from the host, so the container needs no
/// shell or <c>kill</c>. That needs the engine on this machine (a unix socket); a remote engine is refused.
/// </summary>
internal sealed partial class ContainerProcesses(InstanceCatalog catalog, DockerEngine engine)
{
    private const int SigStop = 19;
    private const int SigCont = 18;
    private const int SigKill = 9;
    private const int SigTerm = 15;

    public async Task<IReadOnlyList<InstanceProcess>> ListAsync(string instanceId, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (container.State is not { Running: true })
        {
            // Nothing runs in a stopped container, on any engine (destroy-data checks so before moving data).
            return [];
        }

        RequireLocalEngine(instanceId);

        var top = await engine.CallAsync(
            "top " + instanceId,
            (c, ct) => c.Containers.ListProcessesAsync(container.ID, new ContainerListProcessesParameters { PsArgs = "-eo pid,args" }, ct),
            cancellationToken).ConfigureAwait(false);
        var pidColumn = top.Titles.IndexOf("PID");
        var result = new List<InstanceProcess>();
        foreach (var row in top.Processes)
        {
            if (pidColumn >= 0 && int.TryParse(row[pidColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && StateOf(pid) is { } state and not ('Z' or 'X'))
            {
                result.Add(new InstanceProcess(pid, string.Join(' ', row.Where((_, i) => i != pidColumn)), state is 'T' or 't'));
            }
        }

        return result;
    }

    public async Task SignalAsync(string instanceId, int processId, string signal, CancellationToken cancellationToken)
    {
        var number = signal.ToUpperInvariant() switch
        {
            "SIGSTOP" or "STOP" => SigStop,
            "SIGCONT" or "CONT" => SigCont,
            "SIGKILL" or "KILL" => SigKill,
            "SIGTERM" or "TERM" => SigTerm,
            _ => throw new DriverException($"signal '{signal}' is not supported for processes in containers; use SIGSTOP, SIGCONT, SIGTERM or SIGKILL"),
        };

        // Only a process of this container: a pid from an old listing may have been reused by anything.
        if (!(await ListAsync(instanceId, cancellationToken).ConfigureAwait(false)).Any(p => p.ProcessId == processId))
        {
            throw new DriverException($"pid {processId} is not a process of container {instanceId}");
        }

        if (!HostProcesses.Signal(processId, number))
        {
            throw new DriverException($"{signal} to pid {processId} of {instanceId} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    private void RequireLocalEngine(string instanceId)
    {
        if (!engine.IsLocal)
        {
            throw new DriverException($"signalling processes inside {instanceId} needs the Docker engine on this machine (a unix socket), not {engine.Endpoint}");
        }
    }

    private static char? StateOf(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var end = line.LastIndexOf(')');
            return end > 0 && end + 2 < line.Length ? line[end + 2] : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

}
