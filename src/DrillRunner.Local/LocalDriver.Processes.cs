using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary><see cref="IProcessSignals"/>: the processes of an instance (see <see cref="InstanceProcesses"/>) signalled directly.</summary>
internal sealed partial class LocalDriver
{
    public Task<IReadOnlyList<InstanceProcess>> ListProcessesAsync(string instanceId, CancellationToken cancellationToken)
    {
        var record = Records().FirstOrDefault(r => r.Launch.Id == instanceId)
            ?? throw new DriverException($"no instance '{instanceId}' in environment '{_environment.Name}'");
        var main = ProcStat.ReadAlive(record.Pid, record.PidStartTicks) is null ? null : record.Pid;
        var processes = new List<InstanceProcess>();
        foreach (var pid in InstanceProcesses.Find(instanceId, main))
        {
            if (ProcStat.Read(pid) is { IsAlive: true } stat)
            {
                processes.Add(new InstanceProcess(pid, InstanceProcesses.CommandLine(pid), stat.IsStopped));
            }
        }

        return Task.FromResult<IReadOnlyList<InstanceProcess>>(processes);
    }

    public async Task SignalProcessAsync(string instanceId, int processId, string signal, CancellationToken cancellationToken)
    {
        var number = PosixSignals.Parse(signal) ?? throw new DriverException($"unknown signal '{signal}'");

        // Only a process of this instance: a pid from an old listing may have been reused by anything.
        if (!(await ListProcessesAsync(instanceId, cancellationToken)).Any(p => p.ProcessId == processId))
        {
            throw new DriverException($"pid {processId} is not a process of {instanceId}");
        }

        if (!PosixSignals.Send(processId, number))
        {
            throw new DriverException($"{signal} to pid {processId} of {instanceId} failed (it exited?)");
        }
    }
}
