namespace DrillRunner.Chaos.Faults;

/// <summary>Body of the renew endpoints.</summary>
internal sealed class LeaseRequest
{
    public int? LeaseSeconds { get; set; }
}
