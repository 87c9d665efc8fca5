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

    public static string StatePath(string stateDirectory) => Path.Combine(stateDirectory, StateFileName);

    public static string LogPath(string stateDirectory, string instanceId) =>
        Path.Combine(stateDirectory, LogsFolder, instanceId + ".log");

    /// <summary>The state directory a <see cref="LogPath"/> belongs to.</summary>
    public static string StateDirectoryOfLog(string logPath) => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(logPath))!)!;

    /// <summary>Writes to a temporary file and renames it, so a reader never sees half a file.</summary>
    public static void Write(string stateDirectory, SupervisorState state)
    {
        var target = StatePath(stateDirectory);
        var temporary = target + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
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
