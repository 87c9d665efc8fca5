namespace DrillRunner.Traffic.Drill.Capacity;

/// <summary>
/// Bounds of a knee search: rates from <see cref="From"/> to <see cref="To"/> (requests per second), each probe
/// <see cref="ProbeLength"/> long with <see cref="CoolDown"/> between probes, judged by <see cref="Bounds"/>; the
/// bisection stops once the knee is bracketed within <see cref="Precision"/> (0.05 = 5%).
/// </summary>
public sealed record KneeSearchSettings(double From, double To, CapacitySettings Bounds)
{
    public TimeSpan ProbeLength { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan CoolDown { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Unjudged load at <see cref="From"/> before the first probe; zero skips it.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Factor between coarse probes before the bisection starts.</summary>
    public double Growth { get; init; } = 2;

    public double Precision { get; init; } = 0.05;

    /// <summary>Probes a search may run at most: the coarse ramp plus the bisection, bounded whatever the bounds.</summary>
    public int MaxProbes => CoarseProbes + BisectionProbes + 1;

    /// <summary>The longest the search can take.</summary>
    public TimeSpan MaxDuration => WarmUp + (ProbeLength * MaxProbes) + (CoolDown * (MaxProbes - 1));

    private int CoarseProbes => (int)Math.Ceiling(Math.Log(Math.Max(To / From, 1)) / Math.Log(Growth)) + 1;

    // Each bisection halves the bracket, which starts at most (Growth - 1) wide relative to its lower end.
    private int BisectionProbes => Math.Max(0, (int)Math.Ceiling(Math.Log((Growth - 1) / Precision, 2)));
}
