using System.Text.Json;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Steps.DestroyData;

/// <summary>
/// The undo record of <c>destroy-data</c>, complete on its own: the service, each instance with where its data is and
/// where it is set aside, the roles each held before the disaster (the one that held the first role starts first when
/// the data is put back), and whether a successful restore keeps the copies.
/// </summary>
internal sealed record DestroyDataPayload(string Service, IReadOnlyList<DestroyedInstance> Instances, bool KeepForForensics, string Signal)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static DestroyDataPayload FromJson(string json) =>
        JsonSerializer.Deserialize<DestroyDataPayload>(json, JsonDefaults.Options) ?? throw new JsonException("empty destroy-data record");

    /// <summary>The instances in the order to start them: the holder of the service's first role first.</summary>
    public IReadOnlyList<DestroyedInstance> StartOrder(IReadOnlyList<string> roles) =>
        [.. Instances.OrderBy(i => roles.Count > 0 && i.Roles.Contains(roles[0]) ? 0 : 1).ThenBy(i => i.Id, StringComparer.Ordinal)];
}

/// <summary>One instance whose data was destroyed.</summary>
internal sealed record DestroyedInstance(string Id, DataLocation Data, IReadOnlyList<string> Roles);
