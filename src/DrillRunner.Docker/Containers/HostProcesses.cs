using System.Runtime.InteropServices;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// A container's processes seen from the host the engine runs on (a local engine): whether a host pid is in the
/// container's cgroup, and kill(2) with any signal, which Docker's kill API would record as a manual stop.
/// </summary>
internal static partial class HostProcesses
{
    public static bool BelongsTo(int pid, string containerId)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cgroup").Contains(containerId, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone or may not be signalled.</summary>
    public static bool Signal(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
