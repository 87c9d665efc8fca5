using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using DrillRunner.Docker.Namespaces;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Network;

/// <summary>
/// Starts <c>drill-delay-proxy</c> inside a container's network namespace (the program comes from the host's
/// filesystem: <c>setsid nsenter --net=... dotnet drill-delay-proxy.dll</c>), finds such proxies by the tag on their
/// command line, and stops them. A proxy is its own session: it outlives a runner that dies, until an undo or a sweep.
/// </summary>
internal sealed partial class DelayProxies(TimeProvider time)
{
    public const string Assembly = "drill-delay-proxy.dll";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // Kept, not disposed: .NET reaps the children it tracks, so a stopped proxy never lingers as a zombie.
    private static readonly ConcurrentDictionary<int, Process> Started = new();

    public async Task<ProxyProcess> StartAsync(ContainerNamespace ns, string comment, int port, TimeSpan delay, TimeSpan jitter, CancellationToken cancellationToken)
    {
        var log = Path.Combine(Path.GetTempPath(), "drillrunner", "delay-proxy", comment.Replace(':', '_') + ".log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var info = new ProcessStartInfo(HostTools.Setsid) { UseShellExecute = false };
        foreach (var argument in (string[])[
            "/bin/sh", "-c", "exec \"$0\" \"$@\" </dev/null >>\"$DRILL_PROXY_LOG\" 2>&1", HostTools.Nsenter, $"--net={ns.Path}", "--",
            DotnetHost(), ProxyPath(), "--tag", comment, "--port", Id(port),
            "--delay-ms", Id((int)delay.TotalMilliseconds), "--jitter-ms", Id((int)jitter.TotalMilliseconds)])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DRILL_PROXY_LOG"] = log;
        var process = Process.Start(info) ?? throw new DriverException($"could not start {Assembly} for {ns.InstanceId}");
        Started[process.Id] = process;
        var started = time.GetTimestamp();
        while (!ns.Listens(port))
        {
            if (process.HasExited || time.GetElapsedTime(started) > StartTimeout)
            {
                var tail = File.Exists(log) ? string.Join(" | ", File.ReadLines(log).TakeLast(5)) : "no output";
                throw new DriverException($"{Assembly} for {ns.InstanceId} did not listen on port {port} within {StartTimeout.TotalSeconds:0}s ({tail})");
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        return Find(c => c == comment).FirstOrDefault(p => p.Pid == process.Id)
            ?? throw new DriverException($"{Assembly} for {ns.InstanceId} listens but pid {process.Id} is gone");
    }

    /// <summary>Every live delay proxy whose tag satisfies <paramref name="matches"/>, found in <c>/proc</c>.</summary>
    public static IReadOnlyList<ProxyProcess> Find(Func<string, bool> matches)
    {
        var result = new List<ProxyProcess>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var args = ReadCommandLine(folder);
            var tag = Array.IndexOf(args, "--tag");
            if (tag < 0 || tag + 1 >= args.Length || !args.Any(a => a.EndsWith("/" + Assembly, StringComparison.Ordinal)) || !matches(args[tag + 1]))
            {
                continue;
            }

            var port = Array.IndexOf(args, "--port");
            result.Add(new ProxyProcess(pid, args[tag + 1], port >= 0 && port + 1 < args.Length && int.TryParse(args[port + 1], CultureInfo.InvariantCulture, out var p) ? p : 0));
        }

        return result;
    }

    /// <summary>SIGTERM, then SIGKILL after a few seconds; returns once every one is gone.</summary>
    public async Task StopAsync(IReadOnlyList<ProxyProcess> proxies, CancellationToken cancellationToken)
    {
        foreach (var proxy in proxies)
        {
            _ = Containers.HostProcesses.Signal(proxy.Pid, SigTerm);
        }

        var started = time.GetTimestamp();
        while (proxies.Any(IsAlive))
        {
            if (time.GetElapsedTime(started) > StopTimeout)
            {
                foreach (var proxy in proxies.Where(IsAlive))
                {
                    _ = Containers.HostProcesses.Signal(proxy.Pid, SigKill);
                }
            }

            if (time.GetElapsedTime(started) > StopTimeout * 2)
            {
                throw new DriverException($"delay proxies still running after SIGKILL: {string.Join(", ", proxies.Where(IsAlive).Select(p => p.Pid))}");
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private const int SigTerm = 15;
    private const int SigKill = 9;

    // Alive and still the same proxy: a pid reused by another program does not count.
    private static bool IsAlive(ProxyProcess proxy) =>
        ReadCommandLine($"/proc/{Id(proxy.Pid)}") is var args && Array.IndexOf(args, proxy.Comment) > 0 && !IsZombie(proxy.Pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Id(pid)}/stat");
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] is 'Z' or 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static string[] ReadCommandLine(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string ProxyPath()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(DelayProxies).Assembly.Location) ?? AppContext.BaseDirectory, Assembly);
        return File.Exists(path) ? path : throw new DriverException($"{Assembly} not found at {path}");
    }

    // The runner's own host: set by the SDK (`dotnet test`, `dotnet run`), the process itself, or beside the runtime.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } sdk && File.Exists(sdk))
        {
            return sdk;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var host = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        return File.Exists(host) ? host : "dotnet";
    }

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

}

/// <summary>A running delay proxy: its pid, the tag on its command line and the port it listens on.</summary>
internal sealed record ProxyProcess(int Pid, string Comment, int Port)
{
    public override string ToString() => $"delay proxy pid {Pid} (port {Port})";
}
