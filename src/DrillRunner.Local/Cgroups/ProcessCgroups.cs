using System.Globalization;
using DrillRunner.Drivers;

namespace DrillRunner.Local.Cgroups;

/// <summary>
/// CPU and memory limits for local processes through cgroup v1, as root: the instance's process moves into a cgroup
/// of DrillRunner's own (<c>drillrunner/ENV/INSTANCE</c> in the <c>cpu</c> and <c>memory</c> hierarchies) whose quota and
/// limit are set; without a limit it moves back to its supervisor's cgroup and DrillRunner's is removed. A limit holds
/// for the process running when it was set: an instance its supervisor restarts starts without it, as a new process.
/// </summary>
internal static class ProcessCgroups
{
    private const string Cpu = "cpu";
    private const string Memory = "memory";
    private const long Period = 100_000;

    /// <summary>Why this host cannot limit local processes, or null when it can.</summary>
    public static string? WhyUnavailable()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/cgroup"))
        {
            return "cgroups need Linux";
        }

        if (File.Exists("/sys/fs/cgroup/cgroup.controllers"))
        {
            return "this host has cgroup v2, where DrillRunner does not move local processes (use the docker driver)";
        }

        if (CgroupLimits.FolderOf(Cpu, Environment.ProcessId) is not { } cpu || CgroupLimits.FolderOf(Memory, Environment.ProcessId) is not { } memory)
        {
            return "the cpu and memory cgroup hierarchies are not mounted";
        }

        return IsWritable(Root(cpu)) && IsWritable(Root(memory)) ? null : "changing cgroups needs the runner to run as root";
    }

    public static void SetCpu(string environment, string instanceId, int pid, int supervisorPid, double? cpus)
    {
        var folder = Ensure(Cpu, environment, instanceId);
        Write(folder, "cpu.cfs_period_us", Period);
        Write(folder, "cpu.cfs_quota_us", cpus is { } c ? (long)Math.Round(c * Period) : -1);
        Place(Cpu, folder, pid, supervisorPid, limited: cpus is not null);
    }

    public static void SetMemory(string environment, string instanceId, int pid, int supervisorPid, long? bytes)
    {
        var folder = Ensure(Memory, environment, instanceId);
        var swap = Path.Combine(folder, "memory.memsw.limit_in_bytes");
        if (bytes is { } limit)
        {
            TryWrite(folder, "memory.move_charge_at_immigrate", 3); // the pages it holds count toward the limit, where the kernel still can
            Write(folder, "memory.limit_in_bytes", limit);
            if (File.Exists(swap))
            {
                Write(folder, "memory.memsw.limit_in_bytes", limit);
            }
        }
        else
        {
            if (File.Exists(swap))
            {
                Write(folder, "memory.memsw.limit_in_bytes", -1);
            }

            Write(folder, "memory.limit_in_bytes", -1);
        }

        Place(Memory, folder, pid, supervisorPid, limited: bytes is not null);
    }

    // Into DrillRunner's cgroup with a limit; back into the supervisor's (where it started) without one.
    private static void Place(string controller, string folder, int pid, int supervisorPid, bool limited)
    {
        var target = limited ? folder : CgroupLimits.FolderOf(controller, supervisorPid)
            ?? throw new DriverException($"cannot read the {controller} cgroup of the supervisor (pid {supervisorPid})");
        if (CgroupLimits.FolderOf(controller, pid) != target)
        {
            File.WriteAllText(Path.Combine(target, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));
        }

        if (!limited && Directory.Exists(folder) && File.ReadAllText(Path.Combine(folder, "cgroup.procs")).Trim().Length == 0)
        {
            Directory.Delete(folder);
            var environment = Path.GetDirectoryName(folder)!;
            if (!Directory.EnumerateDirectories(environment).Any())
            {
                Directory.Delete(environment);
            }
        }
    }

    private static string Ensure(string controller, string environment, string instanceId)
    {
        var mine = CgroupLimits.FolderOf(controller, Environment.ProcessId)
            ?? throw new DriverException($"the {controller} cgroup hierarchy is not mounted");
        var folder = Path.Combine(Root(mine), "drillrunner", environment, instanceId);
        Directory.CreateDirectory(folder);
        return folder;
    }

    // The hierarchy's mount point: /sys/fs/cgroup/<controllers>.
    private static string Root(string folder)
    {
        var relative = Path.GetRelativePath("/sys/fs/cgroup", folder).Split('/')[0];
        return Path.Combine("/sys/fs/cgroup", relative);
    }

    private static void TryWrite(string folder, string file, long value)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, file), value.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            // Optional: newer kernels refuse it (moving charges is deprecated), and the limit still holds for new pages.
        }
    }

    private static void Write(string folder, string file, long value)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, file), value.ToString(CultureInfo.InvariantCulture));
        }
        catch (IOException e)
        {
            throw new DriverException($"cannot set {file} of {folder} to {value}: {e.Message}", e);
        }
    }

    // cgroupfs is root's to change; a read-only mount shows as a failure when the limit is set.
    private static bool IsWritable(string folder) => Directory.Exists(folder) && Environment.UserName == "root";
}
