namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// A driver capability: the processes inside one instance (its process and everything it started, daemons that
/// detached included; a container's processes) and signals to one of them. Faults that stop part of an instance
/// (a paused WAL sender) need it; a driver without it cannot run them.
/// </summary>
[Capability("signalling processes inside an instance (pause-process)")]
public interface IProcessSignals : IDriverCapability
{
    /// <summary>The instance's processes now; empty when it has none running.</summary>
    Task<IReadOnlyList<InstanceProcess>> ListProcessesAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="signal"/> (<c>SIGSTOP</c>, <c>SIGCONT</c>, ...) to one process of the instance.</summary>
    Task SignalProcessAsync(string instanceId, int processId, string signal, CancellationToken cancellationToken);
}

/// <summary>One process inside an instance: its id as the driver signals it, its command line, and whether it is stopped.</summary>
public sealed record InstanceProcess(int ProcessId, string CommandLine, bool Stopped);
