using System.Text.Json;
using DrillRunner.Steps;

namespace DrillRunner.Docker.Faults.DiskFill;

/// <summary>Undo record of <c>disk-fill</c>: each instance, the path and the tag naming the one file written.</summary>
internal sealed record DiskFillPayload(string Path, double Level, IReadOnlyList<FilledInstance> Instances)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static DiskFillPayload FromJson(string json) =>
        JsonSerializer.Deserialize<DiskFillPayload>(json, JsonDefaults.Options) ?? throw new JsonException("empty disk-fill undo record");
}

/// <summary>One instance: its tag and the bytes to write (planned from the mount's size and use when prepared).</summary>
internal sealed record FilledInstance(string Id, string Tag, long Bytes);
