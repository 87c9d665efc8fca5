using System.Text.Json;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Steps.Limits;

/// <summary>
/// Undo record of a limit fault: which resource, the limit set, and each instance's limits before it (null: none), so
/// the undo puts back exactly what was there.
/// </summary>
internal sealed record ResourceLimitPayload(string Resource, double Limit, IReadOnlyList<LimitedInstance> Instances)
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static ResourceLimitPayload FromJson(string json) =>
        JsonSerializer.Deserialize<ResourceLimitPayload>(json, JsonDefaults.Options)
        ?? throw new JsonException("empty resource-limit undo record");
}

/// <summary>One instance and its limits before the fault.</summary>
internal sealed record LimitedInstance(string Id, ResourceLimits Before);
