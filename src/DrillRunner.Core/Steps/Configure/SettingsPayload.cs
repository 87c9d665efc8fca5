using System.Text.Json;

namespace DrillRunner.Steps.Configure;

/// <summary>
/// Undo payload: each instance's original values of the settings a step changed (null = was absent), and (records
/// written since scale-outs are rolled back too) the service and the injected values, to recognise instances that
/// inherited them.
/// </summary>
internal sealed record SettingsPayload(IReadOnlyList<InstanceSettingsSnapshot> Instances)
{
    public string? Service { get; init; }

    public IReadOnlyDictionary<string, string?>? Injected { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static SettingsPayload FromJson(string json) =>
        JsonSerializer.Deserialize<SettingsPayload>(json, JsonDefaults.Options) ?? new SettingsPayload([]);
}

internal sealed record InstanceSettingsSnapshot(string Instance, IReadOnlyDictionary<string, string?> Settings);
