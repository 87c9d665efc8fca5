namespace DrillRunner.Chaos.Faults;

/// <summary>A fault switched on by the runner; it switches itself off at <see cref="ExpiresAt"/> unless renewed.</summary>
internal sealed record ActiveFault(
    string Name,
    FaultKind Kind,
    double Rate,
    TimeSpan Latency,
    int StatusCode,
    string? Route,
    string? Dependency,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Inbound faults have no dependency; dependency faults apply only to that named client.</summary>
    public bool Matches(string path, string? dependency) =>
        string.Equals(Dependency, dependency, StringComparison.OrdinalIgnoreCase)
        && (Route is null || path.StartsWith(Route, StringComparison.OrdinalIgnoreCase));
}
