using System.Text.Json;

namespace DrillRunner.Steps.Instances;

/// <summary>Undo payload naming the instances a step changed.</summary>
internal sealed record InstanceList(IReadOnlyList<string> Instances)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static InstanceList FromJson(string json) =>
        JsonSerializer.Deserialize<InstanceList>(json, JsonDefaults.Options) ?? new InstanceList([]);
}
