using System.Text.Json;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Steps;

namespace DrillRunner.Docker.Faults.Network;

/// <summary>Undo record of a network fault: every instance with its whole shape, tag included (enough to undo alone).</summary>
internal sealed record NetworkFaultPayload(IReadOnlyList<ShapedInstance> Instances)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static NetworkFaultPayload FromJson(string json) =>
        JsonSerializer.Deserialize<NetworkFaultPayload>(json, JsonDefaults.Options) ?? throw new JsonException("empty network undo record");
}

internal sealed record ShapedInstance(string Id, NetworkShape Shape);
