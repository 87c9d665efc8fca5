using System.Diagnostics;
using System.Globalization;

namespace DrillRunner.Testing.Namespaces;

/// <summary>
/// Reads a container's network namespace and mounts with the host's own tools (nsenter, iptables-save, tc, stat),
/// never through the driver under test.
/// </summary>
public static class NamespaceProbe
{
    public static async Task<string> RunAsync(int pid, params string[] command) =>
        await ToolAsync("/usr/bin/nsenter", [$"--net=/proc/{pid.ToString(CultureInfo.InvariantCulture)}/ns/net", "--", .. command]);

    /// <summary>The rules of the host's own network namespace (the test runs in it).</summary>
    public static Task<string> HostRulesAsync() => ToolAsync("/usr/sbin/iptables-save", []);

    /// <summary>Every iptables rule in the namespace carrying a DrillRunner comment.</summary>
    public static async Task<IReadOnlyList<string>> DrillRunnerRulesAsync(int pid) =>
        [.. (await RunAsync(pid, "iptables-save")).Split('\n').Where(l => l.Contains("drillrunner:", StringComparison.Ordinal))];

    public static async Task<string> RootQdiscAsync(int pid) => (await RunAsync(pid, "tc", "qdisc", "show", "dev", "eth0", "root")).Trim();

    /// <summary>Pids of every running drill-delay-proxy on the host (any environment).</summary>
    public static IReadOnlyList<int> DelayProxies(string? containing = null) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0, Folder: d))
            .Where(p => p.Pid > 0 && CommandLine(p.Folder) is var args && args.Contains("drill-delay-proxy.dll", StringComparison.Ordinal)
                && (containing is null || args.Contains(containing, StringComparison.Ordinal)))
            .Select(p => p.Pid)];

    /// <summary>Size and free bytes of the filesystem at <paramref name="path"/> inside the container, as <c>stat -f</c> reports them.</summary>
    public static async Task<(long Total, long Free)> SpaceAsync(int pid, string path)
    {
        var fields = (await ToolAsync("/usr/bin/stat", ["-f", "-c", "%b %a %S", $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/root{path}"])).Trim().Split(' ');
        var blockSize = long.Parse(fields[2], CultureInfo.InvariantCulture);
        return (long.Parse(fields[0], CultureInfo.InvariantCulture) * blockSize, long.Parse(fields[1], CultureInfo.InvariantCulture) * blockSize);
    }

    public static IReadOnlyList<string> FilesIn(int pid, string path) =>
        [.. Directory.EnumerateFileSystemEntries($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/root{path}").Select(Path.GetFileName).OfType<string>()];

    /// <summary>
    /// What DrillRunner could have left in a container: tagged rules, a root qdisc other than the default, fill files on
    /// <paramref name="fillPath"/>, a CPU quota or a memory limit. Empty when there is nothing.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LeftoversAsync(string container, int pid, string? fillPath = null)
    {
        var left = new List<string>();
        left.AddRange((await DrillRunnerRulesAsync(pid)).Select(r => $"{container}: rule {r}"));
        var qdisc = await RootQdiscAsync(pid);
        if (!qdisc.StartsWith("qdisc noqueue 0:", StringComparison.Ordinal))
        {
            left.Add($"{container}: {qdisc}");
        }

        if (fillPath is not null)
        {
            left.AddRange(FilesIn(pid, fillPath).Where(f => f.StartsWith(".drillrunner-fill-", StringComparison.Ordinal)).Select(f => $"{container}: file {fillPath}/{f}"));
        }

        if (CgroupProbe.CpuQuota(pid) is { } cpus)
        {
            left.Add($"{container}: CPU quota {cpus}");
        }

        if (CgroupProbe.MemoryLimit(pid) is { } bytes)
        {
            left.Add($"{container}: memory limit {bytes}");
        }

        return left;
    }

    private static string CommandLine(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task<string> ToolAsync(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', args)}: exit {process.ExitCode}: {error}");
    }
}
