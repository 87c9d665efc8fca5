namespace DrillRunner.Drivers;

/// <summary>What a driver knows of one instance of a service.</summary>
public sealed record InstanceInfo(
    string Id,
    string Service,
    InstanceState State,
    InstanceHealth Health,
    IReadOnlyDictionary<string, string> Settings,
    Uri? Endpoint = null,
    int? ProcessId = null)
{
    public static InstanceInfo Missing(string id, string service) =>
        new(id, service, InstanceState.Missing, InstanceHealth.None, new Dictionary<string, string>());
}
