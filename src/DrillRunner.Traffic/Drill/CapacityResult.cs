namespace DrillRunner.Traffic.Drill;

/// <summary>The highest rate that held (null when even the first step broke) and every step run.</summary>
public sealed record CapacityResult(double? HighestHeldRate, IReadOnlyList<CapacityStep> Steps);
