using System.Globalization;

namespace DrillRunner.Drivers;

/// <summary>
/// A process's CPU quota and memory limit as its cgroup enforces them (v1: <c>cpu.cfs_quota_us</c>,
/// <c>memory.limit_in_bytes</c>; v2: <c>cpu.max</c>, <c>memory.max</c>), found through <c>/proc/PID/cgroup</c>.
/// Null when a value cannot be read (then the engine's word is all there is). For drivers on Linux, as
/// <see cref="PortGuard"/> is.
/// </summary>
public static class CgroupLimits
{
    private const string Root = "/sys/fs/cgroup";

    /// <summary>At or above this, a memory limit is the kernel's "unlimited" (page counter maximum).</summary>
    public const long UnlimitedMemory = 9223372036854771712;

    public static (bool Known, double? Cpus) Cpu(int pid)
    {
        if (File("cpu", pid, "cpu.max") is { } max)
        {
            var parts = max.Split(' ');
            return parts[0] == "max" ? (true, null) : (true, Ratio(parts[0], parts.Length > 1 ? parts[1] : "100000"));
        }

        if (File("cpu", pid, "cpu.cfs_quota_us") is { } quota && File("cpu", pid, "cpu.cfs_period_us") is { } period)
        {
            return quota.StartsWith('-') ? (true, null) : (true, Ratio(quota, period));
        }

        return (false, null);
    }

    public static (bool Known, long? Bytes) Memory(int pid)
    {
        var text = File("memory", pid, "memory.max") ?? File("memory", pid, "memory.limit_in_bytes");
        if (text is null)
        {
            return (false, null);
        }

        return text == "max" || !long.TryParse(text, CultureInfo.InvariantCulture, out var bytes) || bytes >= UnlimitedMemory
            ? (true, null)
            : (true, bytes);
    }

    private static double? Ratio(string quota, string period) =>
        double.TryParse(quota, CultureInfo.InvariantCulture, out var q) && double.TryParse(period, CultureInfo.InvariantCulture, out var p) && p > 0 ? q / p : null;

    /// <summary>The folder of <paramref name="pid"/>'s cgroup in the hierarchy holding <paramref name="controller"/>, or null.</summary>
    public static string? FolderOf(string controller, int pid)
    {
        try
        {
            foreach (var line in System.IO.File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cgroup"))
            {
                var parts = line.Split(':', 3);
                if (parts.Length == 3 && (parts[1].Length == 0 || parts[1].Split(',').Contains(controller, StringComparer.Ordinal)))
                {
                    var candidates = parts[1].Length == 0 ? [Root] : new[] { parts[1], controller }.Select(c => Path.Combine(Root, c)).ToArray();
                    foreach (var root in candidates.Where(Directory.Exists))
                    {
                        return Path.Combine(root, parts[2].TrimStart('/'));
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    // v2 has one line "0::/path"; v1 one per hierarchy, "N:cpu,cpuacct:/path".
    private static string? File(string controller, int pid, string name)
    {
        try
        {
            foreach (var line in System.IO.File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cgroup"))
            {
                var parts = line.Split(':', 3);
                if (parts.Length != 3)
                {
                    continue;
                }

                var controllers = parts[1];
                var folders = controllers.Length == 0
                    ? [Path.Combine(Root, parts[2].TrimStart('/'))]
                    : controllers.Split(',').Contains(controller, StringComparer.Ordinal)
                        ? new[] { controllers, controller }.Select(c => Path.Combine(Root, c, parts[2].TrimStart('/'))).ToArray()
                        : [];
                foreach (var path in folders.Select(f => Path.Combine(f, name)).Where(System.IO.File.Exists))
                {
                    return System.IO.File.ReadAllText(path).Trim();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
