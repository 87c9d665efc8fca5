using DrillRunner.Hosting;
using DrillRunner.Loading;
using DrillRunner.Options;
using DrillRunner.Scheduling;
using Microsoft.Extensions.Options;

namespace DrillRunner.Drills;

/// <summary>The drill files of the drills folder by name, reloaded when the folder changes.</summary>
internal sealed class DrillIndex(Runner runner, IOptions<DrillServerOptions> options)
{
    private volatile IReadOnlyDictionary<string, DrillEntry> _entries = new Dictionary<string, DrillEntry>(StringComparer.Ordinal);

    public string Folder => Path.GetFullPath(options.Value.DrillsDirectory);

    public IReadOnlyCollection<DrillEntry> All => [.. _entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];

    public DrillEntry? Find(string name) => _entries.GetValueOrDefault(name);

    public IReadOnlyCollection<DrillEntry> Reload()
    {
        var entries = new Dictionary<string, DrillEntry>(StringComparer.Ordinal);
        var files = Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.yaml").Concat(Directory.EnumerateFiles(Folder, "*.yml")).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var file in files)
        {
            var entry = Load(file);
            entries.TryAdd(entry.Name, entry);
        }

        _entries = entries;
        return All;
    }

    private DrillEntry Load(string file)
    {
        LoadedDrill drill;
        try
        {
            drill = runner.Loader.Load(file);
        }
        catch (DrillInputException ex)
        {
            return new DrillEntry(Path.GetFileNameWithoutExtension(file), file, null, ex.Message, null, null);
        }

        if (drill.Spec.Schedule is not { } spec)
        {
            return new DrillEntry(drill.Spec.Name, file, drill, null, null, null);
        }

        try
        {
            return new DrillEntry(drill.Spec.Name, file, drill, null, SchedulePolicy.Parse(spec), null);
        }
        catch (FormatException ex)
        {
            return new DrillEntry(drill.Spec.Name, file, drill, null, null, ex.Message);
        }
    }
}
