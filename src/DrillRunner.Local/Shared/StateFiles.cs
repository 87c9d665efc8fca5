using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrillRunner.Local.Shared;

/// <summary>Layout of a state directory and atomic reads and writes of its state file.</summary>
internal static class StateFiles
{
    public const string StateFileName = "state.json";
    public const string LockFileName = "supervisor.lock";
    public const string SupervisorLogName = "supervisor.log";
    public const string LogsFolder = "logs";
    public const string DataFolder = "data";

    /// <summary>
    /// Set for every instance the supervisor starts: its state directory, so a program of the environment (an
    /// autoscaler) can reach the supervisor's control API the way the driver does, through the state file.
    /// </summary>
    public const string StateDirectoryVariable = "DRILLRUNNER_LOCAL_STATE";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>rw------- : the state file holds the control token and every instance's settings (chaos tokens).</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ : the logs folder.</summary>
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// rwx--x--x : the state directory. Nobody else can list it or read its files (the state file is 0600), but a
    /// service running as another user (PostgreSQL as <c>postgres</c>) can reach its own <c>{data}</c> folder below.
    /// </summary>
    public const UnixFileMode SearchOnlyFolder = OwnerOnlyFolder | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder owner-only, or makes an existing one owner-only.</summary>
    public static void EnsurePrivateFolder(string path) => EnsureFolder(path, OwnerOnlyFolder);

    /// <summary>Creates the state directory search-only for others, or makes an existing one so.</summary>
    public static void EnsureStateFolder(string path) => EnsureFolder(path, SearchOnlyFolder);

    private static void EnsureFolder(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (Directory.Exists(path))
        {
            File.SetUnixFileMode(path, mode);
        }
        else
        {
            Directory.CreateDirectory(path, mode);
        }
    }

    public static string StatePath(string stateDirectory) => Path.Combine(stateDirectory, StateFileName);

    public static string LogPath(string stateDirectory, string instanceId) =>
        Path.Combine(stateDirectory, LogsFolder, instanceId + ".log");

    /// <summary>The state directory a <see cref="LogPath"/> belongs to.</summary>
    public static string StateDirectoryOfLog(string logPath) => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(logPath))!)!;

    /// <summary>The folder an instance's <c>{data}</c> names; removed by <c>env down</c>.</summary>
    public static string DataPath(string stateDirectory, string instanceId) =>
        Path.Combine(stateDirectory, DataFolder, instanceId);

    /// <summary>The folder <c>{shared}</c> names for every instance of a service; removed by <c>env down</c> with the data folders.</summary>
    public static string SharedPath(string stateDirectory, string service) =>
        Path.Combine(stateDirectory, DataFolder, "shared", service);

    /// <summary>Where destroy-data sets an instance's data folder aside: beside it, so the move is a rename.</summary>
    public static string SetAsidePath(string stateDirectory, string asideName, string instanceId) =>
        Path.Combine(stateDirectory, DataFolder, ".set-aside", $"{asideName}-{instanceId}");

    /// <summary>Where a set-aside copy kept for forensics goes after a successful restore.</summary>
    public static string KeptPath(string stateDirectory, string asideName, string instanceId) =>
        Path.Combine(stateDirectory, DataFolder, ".kept", $"{asideName}-{instanceId}");

    /// <summary>
    /// Writes to a temporary file created owner-only and renames it, so a reader never sees half a file and nobody
    /// else ever sees the token, not even for a moment.
    /// </summary>
    public static void Write(string stateDirectory, SupervisorState state)
    {
        var target = StatePath(stateDirectory);
        var temporary = target + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, state, Json);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The state, or null when there is no (readable) state file.</summary>
    public static SupervisorState? TryRead(string stateDirectory)
    {
        var path = StatePath(stateDirectory);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<SupervisorState>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
