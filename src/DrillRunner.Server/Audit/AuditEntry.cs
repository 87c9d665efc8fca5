namespace DrillRunner.Audit;

/// <summary>One accepted mutation: who (API key name), when, from where (remote IP), what, on which target.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Who, string? RemoteIp, string Action, string Target, string? Detail);
