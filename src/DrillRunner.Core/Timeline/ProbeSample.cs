namespace DrillRunner.Timeline;

/// <summary>One probe check: when, whether it passed, how long it took and why it failed.</summary>
public sealed record ProbeSample(string Probe, DateTimeOffset At, bool Ok, double LatencyMs, int? Status = null, string? Error = null);
