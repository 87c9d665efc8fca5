using System.Text.Json;

namespace DrillRunner.Steps.AppFaults;

/// <summary>Undo payload of app-level changes: which endpoint on which instances, under which name.</summary>
internal sealed record AppFaultPayload(string Service, string FaultName, IReadOnlyList<string> Endpoints)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static AppFaultPayload FromJson(string json) => JsonSerializer.Deserialize<AppFaultPayload>(json, JsonDefaults.Options)!;
}
