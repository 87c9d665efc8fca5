using System.Runtime.InteropServices;
using DrillRunner.Drivers;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary>
/// The instances' <c>{data}</c> folders (and their services' <c>{shared}</c> ones) under the environment's state folder:
/// created before a start, owned by the service's user (mode 700, as PostgreSQL wants), and removed by <c>env down</c>.
/// </summary>
internal static partial class DataFolders
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Ensure(InstanceLaunch launch)
    {
        foreach (var folder in new[] { launch.DataDirectory, launch.SharedDirectory })
        {
            if (folder is not null)
            {
                Ensure(launch, folder);
            }
        }
    }

    private static void Ensure(InstanceLaunch launch, string path)
    {
        Directory.CreateDirectory(path);
        if (OperatingSystem.IsWindows() || launch.User is not { } name || UnixUsers.Find(name) is not { } user)
        {
            return;
        }

        File.SetUnixFileMode(path, OwnerOnly);
        if (Chown(path, user.Uid, user.Gid) != 0)
        {
            throw new DriverException($"cannot give {path} to user '{name}' (errno {Marshal.GetLastPInvokeError()}); the local driver must run as root to start services as another user");
        }

        // The user must be able to reach the folder: every parent searchable by others (or owned by the user).
        for (var parent = Path.GetDirectoryName(path); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new DriverException(
                    $"user '{name}' cannot reach {path}: {parent} is not searchable by other users (mode {Convert.ToString((int)mode, 8)}); use a state folder under a readable path (--state-dir) or chmod o+x {parent}");
            }
        }
    }

    /// <summary>Removes every instance's data folder; true when there was one.</summary>
    public static bool RemoveAll(string stateDirectory)
    {
        var folder = Path.Combine(stateDirectory, StateFiles.DataFolder);
        if (!Directory.Exists(folder))
        {
            return false;
        }

        Directory.Delete(folder, recursive: true);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);
}
