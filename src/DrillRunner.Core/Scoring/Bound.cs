namespace DrillRunner.Scoring;

public enum BoundComparison
{
    AtMost,
    AtLeast,
}

/// <summary>A target on one named measurement: e.g. <c>rto</c> at most 10 s, <c>availability</c> at least 99%.</summary>
public sealed record Bound(string Name, BoundComparison Comparison, double Value, MeasurementUnit Unit)
{
    public static Bound AtMost(string name, TimeSpan value) => new(name, BoundComparison.AtMost, value.TotalSeconds, MeasurementUnit.Seconds);

    public static Bound AtMost(string name, long count) => new(name, BoundComparison.AtMost, count, MeasurementUnit.Count);

    public static Bound AtMostRatio(string name, double fraction) => new(name, BoundComparison.AtMost, fraction, MeasurementUnit.Ratio);

    public static Bound AtLeastRatio(string name, double fraction) => new(name, BoundComparison.AtLeast, fraction, MeasurementUnit.Ratio);

    public static Bound AtLeast(string name, long count) => new(name, BoundComparison.AtLeast, count, MeasurementUnit.Count);

    public static Bound AtLeastFactor(string name, double factor) => new(name, BoundComparison.AtLeast, factor, MeasurementUnit.Factor);

    /// <summary>True when the measurement of this bound's name and unit is within it; a missing one never is.</summary>
    public bool IsMetBy(IEnumerable<Measurement> measurements) =>
        measurements.FirstOrDefault(m => m.Name == Name && m.Unit == Unit) is { } m
        && (Comparison == BoundComparison.AtMost ? m.Value <= Value : m.Value >= Value);
}
