namespace DrillRunner.Traffic.Drill;

/// <summary>How a capacity search grows and what breaks it; <see cref="MaxErrors"/> is a fraction (0.01 = 1%).</summary>
public sealed record CapacitySettings(double StartRate, TimeSpan P99, double MaxErrors)
{
    public double Growth { get; init; } = 1.25;

    public TimeSpan StepLength { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxSteps { get; init; } = 40;

    public TimeSpan MaxTotal { get; init; } = TimeSpan.FromMinutes(10);
}
