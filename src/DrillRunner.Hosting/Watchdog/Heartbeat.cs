using System.Globalization;
using System.Text.Json;
using DrillRunner.Steps;

namespace DrillRunner.Hosting.Watchdog;

/// <summary>
/// The file a runner keeps alive for its watchdog: written once with who runs what, then touched (its modification
/// time) every few seconds; deleted when the run ends. Touching needs no disk space, so a full disk does not make a
/// live runner look dead.
/// </summary>
internal sealed record Heartbeat(string RunId, string Environment, int RunnerPid, long? RunnerStartTicks, double LeaseSeconds, bool Recover)
{
    public const string Folder = "watchdog";

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public static string PathOf(string stateDirectory, string runId) => System.IO.Path.Combine(stateDirectory, Folder, runId + ".heartbeat");

    /// <summary>Written by the watchdog once it watches: the runner waits for it before changing anything.</summary>
    public static string ArmedPathOf(string stateDirectory, string runId) => System.IO.Path.Combine(stateDirectory, Folder, runId + ".armed");

    public static string LogPathOf(string stateDirectory, string runId) => System.IO.Path.Combine(stateDirectory, Folder, runId + ".log");

    public static Heartbeat? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Heartbeat>(File.ReadAllText(path), JsonDefaults.Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + "." + System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, JsonDefaults.Options));
        File.Move(temporary, path, overwrite: true);
    }
}
