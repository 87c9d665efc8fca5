using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Local.Cgroups;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary><see cref="IResourceLimits"/> for local processes: cgroup v1, as root (<see cref="ProcessCgroups"/>).</summary>
internal sealed partial class LocalDriver : IResourceLimits
{
    public Task<ResourceLimits> ReadLimitsAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (RunningPid(instanceId) is not { } pid)
        {
            return Task.FromResult(new ResourceLimits(null, null)); // no process, nothing limited
        }

        return Task.FromResult(new ResourceLimits(CgroupLimits.Cpu(pid).Cpus, CgroupLimits.Memory(pid).Bytes));
    }

    public Task SetCpuLimitAsync(string instanceId, double? cpus, CancellationToken cancellationToken) =>
        Limit(instanceId, cpus is null, (pid, supervisor) => ProcessCgroups.SetCpu(_environment.Name, instanceId, pid, supervisor, cpus));

    public Task SetMemoryLimitAsync(string instanceId, long? bytes, CancellationToken cancellationToken) =>
        Limit(instanceId, bytes is null, (pid, supervisor) => ProcessCgroups.SetMemory(_environment.Name, instanceId, pid, supervisor, bytes));

    private Task Limit(string instanceId, bool removing, Action<int, int> set)
    {
        if (ProcessCgroups.WhyUnavailable() is { } why)
        {
            throw new DriverException($"the local driver cannot limit {instanceId}: {why}");
        }

        var state = StateFiles.TryRead(_stateDirectory);
        if (RunningPid(instanceId) is not { } pid || state is null)
        {
            // Removing a limit from a process that is gone is done: a new process starts without it.
            return removing ? Task.CompletedTask : throw new DriverException($"instance '{instanceId}' has no running process to limit");
        }

        set(pid, state.SupervisorPid);
        return Task.CompletedTask;
    }

    private int? RunningPid(string instanceId)
    {
        var record = Records().FirstOrDefault(r => r.Launch.Id == instanceId);
        return record is not null && ProcStat.ReadAlive(record.Pid, record.PidStartTicks) is not null ? record.Pid : null;
    }
}
