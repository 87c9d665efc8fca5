using DrillRunner.Chaos.Faults;

namespace DrillRunner.Chaos.Endpoints;

/// <summary>How a fault is reported by the control endpoint.</summary>
internal sealed record FaultView(
    string Name,
    string Kind,
    double Rate,
    double LatencyMs,
    int StatusCode,
    string? Route,
    string? Dependency,
    DateTimeOffset ExpiresAt)
{
    public static FaultView From(ActiveFault fault) => new(
        fault.Name,
        fault.Kind.ToString().ToLowerInvariant(),
        fault.Rate,
        fault.Latency.TotalMilliseconds,
        fault.StatusCode,
        fault.Route,
        fault.Dependency,
        fault.ExpiresAt);
}
