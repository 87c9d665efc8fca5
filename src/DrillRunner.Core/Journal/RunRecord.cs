namespace DrillRunner.Journal;

/// <summary>One execution of a drill as the store keeps it.</summary>
public sealed record RunRecord(
    string Id,
    string Drill,
    string Environment,
    string Driver,
    string Trigger,
    string DrillFile,
    string EnvironmentFile,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt = null,
    string? Verdict = null,
    double? Score = null);
