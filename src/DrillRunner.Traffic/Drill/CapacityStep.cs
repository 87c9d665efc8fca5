namespace DrillRunner.Traffic.Drill;

/// <summary>One step of a capacity search; <see cref="Broke"/> says why it failed, null when it held.</summary>
public sealed record CapacityStep(double Rate, double AchievedRate, TimeSpan P99, double ErrorShare, string? Broke);
