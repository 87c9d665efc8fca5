using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DrillRunner.Cli.Terminal;

/// <summary>
/// <c>drill load</c> runs in a child process started with the load generator's runtime settings, the ones
/// <c>bench/traffic</c> measures (docs/benchmarks.md): socket completions inline on the epoll thread, no profile-guided
/// re-compilation, idle pool threads that sleep instead of spinning, a large gen0 budget. Most of them can only be
/// set before the runtime starts (environment variables), and they suit a load generator, not the drill server,
/// so only <c>load</c> gets them. The child inherits the terminal; the parent waits and passes its exit code on.
/// </summary>
internal static partial class GeneratorProcess
{
    /// <summary>Set in the child: it runs the command itself instead of starting another child.</summary>
    public const string Marker = "DRILLRUNNER_GENERATOR_PROCESS";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
        ["DOTNET_GCgen0size"] = "0x4000000",
    };

    public static bool IsChild => Environment.GetEnvironmentVariable(Marker) == "1";

    /// <summary>Linux only (the settings and the signal hand-over are Linux's); elsewhere load runs in-process.</summary>
    public static bool ShouldStart(string command) => command == "load" && !IsChild && OperatingSystem.IsLinux();

    /// <summary>Runs this same command (same executable, same arguments) in a tuned child and returns its exit code.</summary>
    public static async Task<int> RunChildAsync(IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { UseShellExecute = false };
        if (IsDotnetHost(info.FileName))
        {
            info.ArgumentList.Add(typeof(GeneratorProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Settings)
        {
            info.Environment[name] = value;
        }

        info.Environment[Marker] = "1";

        // Ctrl+C reaches the child from the terminal (same process group) and the child stops its run and reports;
        // the parent only waits. A SIGTERM sent to the parent alone is passed on as SIGINT. Registered before the
        // start, so no signal in between can kill the parent and leave the child unattended.
        Process? started = null;
        var terminated = 0;
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            Volatile.Write(ref terminated, 1);
            if (Volatile.Read(ref started) is { } running)
            {
                PassOn(running);
            }
        });
        using var child = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        Volatile.Write(ref started, child);
        if (Volatile.Read(ref terminated) == 1)
        {
            PassOn(child);
        }

        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static bool IsDotnetHost(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);

    private static void PassOn(Process child)
    {
        if (!child.HasExited)
        {
            _ = SendSignal(child.Id, SigInt);
        }
    }

    private const int SigInt = 2;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
