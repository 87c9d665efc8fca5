using System.Globalization;
using System.Runtime.InteropServices;

namespace DrillRunner.Local.Shared;

/// <summary>kill(2) through libc: .NET only offers SIGKILL for processes it did not start.</summary>
internal static partial class PosixSignals
{
    // Linux numbers (x64 and arm64 share them).
    public const int SigHup = 1;
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigKill = 9;
    public const int SigUsr1 = 10;
    public const int SigUsr2 = 12;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    private static readonly Dictionary<string, int> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = SigHup,
        ["INT"] = SigInt,
        ["QUIT"] = SigQuit,
        ["KILL"] = SigKill,
        ["USR1"] = SigUsr1,
        ["USR2"] = SigUsr2,
        ["TERM"] = SigTerm,
        ["CONT"] = SigCont,
        ["STOP"] = SigStop,
    };

    /// <summary>Parses <c>SIGKILL</c>, <c>KILL</c> or <c>9</c>; null when unknown.</summary>
    public static int? Parse(string signal)
    {
        var name = signal.Trim();
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is > 0 and < 65 ? number : null;
        }

        if (name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase))
        {
            name = name[3..];
        }

        return Names.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Sends <paramref name="signal"/>; false when the process does not exist (ESRCH) or may not be signalled.</summary>
    public static bool Send(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    /// <summary>
    /// Signals an instance: it leads its own process group (started through setsid), so whatever it
    /// started goes with it, as in a container. Falls back to the pid alone.
    /// </summary>
    public static bool SendToInstance(int pid, int signal) => SendToGroup(pid, signal) || Send(pid, signal);

    /// <summary>Sends <paramref name="signal"/> to every process of the group <paramref name="processGroup"/>.</summary>
    public static bool SendToGroup(int processGroup, int signal) => processGroup > 1 && Kill(-processGroup, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
