using System.Globalization;

namespace DrillRunner.Testing.Namespaces;

/// <summary>Reads a process's cgroup files directly (v1 or v2): the kernel's own accounting of CPU and memory.</summary>
public static class CgroupProbe
{
    /// <summary>CPU time the cgroup used so far.</summary>
    public static TimeSpan CpuUsed(int pid) =>
        Read(pid, "cpuacct", "cpuacct.usage") is { } ns
            ? TimeSpan.FromTicks(long.Parse(ns, CultureInfo.InvariantCulture) / 100)
            : TimeSpan.FromMicroseconds(long.Parse(Read(pid, "cpu", "cpu.stat")!.Split('\n').First(l => l.StartsWith("usage_usec", StringComparison.Ordinal)).Split(' ')[1], CultureInfo.InvariantCulture));

    /// <summary>The CFS quota as a number of CPUs, or null when there is none.</summary>
    public static double? CpuQuota(int pid)
    {
        if (Read(pid, "cpu", "cpu.max") is { } max)
        {
            var parts = max.Split(' ');
            return parts[0] == "max" ? null : double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        var quota = long.Parse(Read(pid, "cpu", "cpu.cfs_quota_us")!, CultureInfo.InvariantCulture);
        return quota < 0 ? null : quota / double.Parse(Read(pid, "cpu", "cpu.cfs_period_us")!, CultureInfo.InvariantCulture);
    }

    /// <summary>The memory limit in bytes, or null when there is none (the kernel's maximum).</summary>
    public static long? MemoryLimit(int pid)
    {
        var text = Read(pid, "memory", "memory.max") ?? Read(pid, "memory", "memory.limit_in_bytes")!;
        return text == "max" || long.Parse(text, CultureInfo.InvariantCulture) >= 9223372036854771712 ? null : long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string? Read(int pid, string controller, string file)
    {
        foreach (var line in File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cgroup"))
        {
            var parts = line.Split(':', 3);
            var folders = parts[1].Length == 0
                ? [Path.Combine("/sys/fs/cgroup", parts[2].TrimStart('/'))]
                : parts[1].Split(',').Contains(controller)
                    ? new[] { parts[1], controller }.Select(c => Path.Combine("/sys/fs/cgroup", c, parts[2].TrimStart('/')))
                    : [];
            foreach (var path in folders.Select(f => Path.Combine(f, file)).Where(File.Exists))
            {
                return File.ReadAllText(path).Trim();
            }
        }

        return null;
    }
}
