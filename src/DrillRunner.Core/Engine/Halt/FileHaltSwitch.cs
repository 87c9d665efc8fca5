using System.Globalization;
using System.Text.Json;
using DrillRunner.Steps;

namespace DrillRunner.Engine.Halt;

/// <summary>
/// The halt-all switch of one machine: <c>halt.json</c> in the state folder, read by every <c>drill run</c>, the
/// watchdogs and <c>drill serve</c> sharing that folder. Written to a temporary file and renamed, so a reader never
/// sees half of it; a file that exists but cannot be read counts as a halt.
/// </summary>
public sealed class FileHaltSwitch(string stateDirectory, TimeProvider time) : IHaltSwitch
{
    public const string FileName = "halt.json";

    public string Path { get; } = System.IO.Path.Combine(stateDirectory, FileName);

    public Task<HaltState?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());

    public Task<HaltState> HaltAsync(string by, string? reason, CancellationToken cancellationToken) =>
        Task.FromResult(Read() ?? Write(new HaltState(time.GetUtcNow(), by, reason)));

    /// <summary>Writes a copy of another switch's halt (a server mirrors the shared halt for the CLI runs of its machine).</summary>
    public HaltState Mirror(HaltState shared) => Write(shared with { Source = HaltState.Shared });

    public Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        var existed = File.Exists(Path);
        File.Delete(Path);
        return Task.FromResult(existed);
    }

    private HaltState? Read()
    {
        // Polled four times a second by every run: the usual answer (no file) must be cheap.
        if (!File.Exists(Path))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(Path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(ex.Message);
        }

        try
        {
            return JsonSerializer.Deserialize<HaltState>(text, JsonDefaults.Options) ?? Unreadable("empty");
        }
        catch (JsonException ex)
        {
            return Unreadable(ex.Message);
        }
    }

    private HaltState Unreadable(string why) =>
        new(File.GetLastWriteTimeUtc(Path), "unknown", $"{Path} exists but cannot be read ({why}); delete it to release");

    private HaltState Write(HaltState state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, JsonDefaults.Options));
        File.Move(temporary, Path, overwrite: true);
        return state;
    }
}
