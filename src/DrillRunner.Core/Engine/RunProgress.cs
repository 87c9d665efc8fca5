namespace DrillRunner.Engine;

/// <summary>A snapshot for live progress displays, published about once a second.</summary>
public sealed record RunProgress(
    string RunId,
    RunPhase Phase,
    TimeSpan Elapsed,
    double? ProbeSuccessRate,
    IReadOnlyList<string> ActiveFaults,
    string? LastEvent);
