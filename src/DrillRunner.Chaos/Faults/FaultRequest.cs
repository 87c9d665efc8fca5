namespace DrillRunner.Chaos.Faults;

/// <summary>Body of <c>PUT /_chaos/faults/{name}</c>.</summary>
internal sealed class FaultRequest
{
    public string? Kind { get; set; }

    public double? Rate { get; set; }

    public int? LatencyMs { get; set; }

    public int? StatusCode { get; set; }

    public string? Route { get; set; }

    public string? Dependency { get; set; }

    public int? LeaseSeconds { get; set; }
}
