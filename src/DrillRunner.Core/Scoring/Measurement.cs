namespace DrillRunner.Scoring;

/// <summary>
/// What a measured number counts: seconds of a duration, a fraction in [0, 1], a number of things, a rate in requests
/// per second, or a factor (a knee over an expected peak: 1.8 means 1.8 times).
/// </summary>
public enum MeasurementUnit
{
    Seconds,
    Ratio,
    Count,
    PerSecond,
    Factor,
}

/// <summary>
/// One number an objective measured, named so reports and the leadership roll-up can find it (<c>rto</c>,
/// <c>availability</c>, <c>p99</c>, <c>rpo</c>, <c>lost-writes</c>, ...). Renderers format it; nothing parses it back.
/// </summary>
public sealed record Measurement(string Name, double Value, MeasurementUnit Unit)
{
    public static Measurement Duration(string name, TimeSpan value) => new(name, value.TotalSeconds, MeasurementUnit.Seconds);

    public static Measurement Ratio(string name, double fraction) => new(name, fraction, MeasurementUnit.Ratio);

    public static Measurement Count(string name, long count) => new(name, count, MeasurementUnit.Count);

    public static Measurement Rate(string name, double perSecond) => new(name, perSecond, MeasurementUnit.PerSecond);

    public static Measurement Factor(string name, double factor) => new(name, factor, MeasurementUnit.Factor);

    /// <summary>
    /// The value as a duration, to the nearest tick; only meaningful for <see cref="MeasurementUnit.Seconds"/>.
    /// (<see cref="TimeSpan.FromSeconds(double)"/> truncates: 991005 ticks stored as 0.0991005 s came back as 991004.)
    /// </summary>
    public TimeSpan AsDuration() => TimeSpan.FromTicks(checked((long)Math.Round(Value * TimeSpan.TicksPerSecond)));
}
