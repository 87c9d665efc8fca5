using System.Runtime.InteropServices;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Namespaces;

/// <summary>
/// The host programs that act inside a container's namespaces, from the host's filesystem (nothing is needed in the
/// image): Debian's util-linux (nsenter, setsid), iproute2 (tc, ss) and iptables. Entering another namespace needs root.
/// </summary>
internal static partial class HostTools
{
    private static readonly string[] Folders = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    private static readonly (string Tool, string Package)[] Needed =
    [
        ("nsenter", "util-linux"), ("setsid", "util-linux"), ("iptables-save", "iptables"), ("iptables-restore", "iptables"),
        ("tc", "iproute2"), ("ss", "iproute2"),
    ];

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    public static string Nsenter => Path("nsenter");

    public static string Setsid => Path("setsid");

    /// <summary>Why network faults cannot run on this host, or null when they can.</summary>
    public static string? WhyUnavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network faults need a Linux host (they act in the container's network namespace)";
        }

        if (!IsRoot)
        {
            return "network faults need the runner to run as root on the Docker host (nsenter enters the container's network namespace)";
        }

        var missing = Needed.Where(n => Find(n.Tool) is null).ToList();
        return missing.Count == 0
            ? null
            : $"network faults need {string.Join(", ", missing.Select(m => m.Tool))} on this host: apt-get install {string.Join(' ', missing.Select(m => m.Package).Distinct())}";
    }

    public static void Require()
    {
        if (WhyUnavailable() is { } why)
        {
            throw new DriverException(why);
        }
    }

    public static string Path(string tool) => Find(tool) ?? throw new DriverException($"{tool} not found in {string.Join(", ", Folders)}");

    private static string? Find(string tool) => Folders.Select(f => System.IO.Path.Combine(f, tool)).FirstOrDefault(File.Exists);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
