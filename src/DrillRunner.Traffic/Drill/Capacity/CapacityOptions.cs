using System.ComponentModel.DataAnnotations;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Traffic.Drill.Capacity;

/// <summary>
/// Step <c>capacity</c>: the load test the postmortem promised. Finds the highest rate between <see cref="From"/> and
/// <see cref="To"/> that <see cref="Url"/> holds within <see cref="P99"/> and <see cref="MaxErrors"/> (coarse ramp, then
/// bisection to <see cref="Precision"/>, <see cref="CoolDown"/> between probes) and compares it with
/// <see cref="ExpectedPeak"/>. The step lasts as long as the search; objective <c>capacity</c> scores the headroom.
/// </summary>
public sealed class CapacityOptions : StepOptions, IDrillCheck
{
    [Required]
    public string Url { get; init; } = "";

    public IReadOnlyList<RequestOptions>? Mix { get; init; }

    public Rate? From { get; init; }

    public Rate? To { get; init; }

    /// <summary>Length of each constant-rate probe.</summary>
    public TimeSpan Probe { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan CoolDown { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Unjudged load at <see cref="From"/> before the first probe (connections, JIT, caches); 0s skips it.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan P99 { get; init; } = TimeSpan.FromMilliseconds(500);

    public Percentage MaxErrors { get; init; } = new(0.01);

    public Percentage Precision { get; init; } = new(0.05);

    /// <summary>The peak the service must carry (e.g. the promotion's traffic); the knee over it is the headroom.</summary>
    public Rate? ExpectedPeak { get; init; }

    [Range(1, 10_000_000)]
    public int Users { get; init; } = TrafficStepConstants.DefaultUsers;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    [Range(1, 10_000)]
    public int Connections { get; init; } = TrafficStepConstants.DefaultConnections;

    public bool Insecure { get; init; }

    public void Check(DrillSpec drill, EnvironmentSpec environment, string path, ProblemList problems)
    {
        if (From is not { } from || To is not { } to)
        {
            problems.Add(Location, $"{path}.from", "a capacity search needs bounds: give 'from' and 'to' (e.g. from: 50/s, to: 1000/s)");
            return;
        }

        if (from.PerSecond <= 0 || to.PerSecond <= from.PerSecond)
        {
            problems.Add(Location, $"{path}.to", $"'to' ({to}) must be above 'from' ({from}), and 'from' above 0/s");
            return;
        }

        if (Precision.Fraction is < 0.005 or > 0.5)
        {
            problems.Add(Location, $"{path}.precision", "must be between 0.5% and 50%");
        }

        if (Probe < TimeSpan.FromSeconds(1) || CoolDown < TimeSpan.Zero)
        {
            problems.Add(Location, $"{path}.probe", "probes must last at least 1s, and the cool-down cannot be negative");
        }

        if (WarmUp < TimeSpan.Zero)
        {
            problems.Add(Location, $"{path}.warmUp", "cannot be negative (0s skips the warm-up)");
        }

        var settings = Settings();
        if (to.PerSecond * Probe.TotalSeconds > TrafficStepConstants.DefaultMaxRequests)
        {
            problems.Add(Location, $"{path}.to", $"a {DurationParser.Format(Probe)} probe at {to} sends more than the {TrafficStepConstants.DefaultMaxRequests} requests a traffic step may send");
        }
        else if (settings.MaxDuration > TrafficStepConstants.MaxDuration)
        {
            problems.Add(Location, $"{path}.to",
                $"the search may run {settings.MaxProbes} probes ({DurationParser.Format(settings.MaxDuration)}), above the {DurationParser.Format(TrafficStepConstants.MaxDuration)} limit of traffic in a drill; narrow from/to, shorten probe or coolDown, or loosen precision");
        }

        if (ExpectedPeak is { PerSecond: <= 0 })
        {
            problems.Add(Location, $"{path}.expectedPeak", "must be above 0/s");
        }
    }

    internal KneeSearchSettings Settings() =>
        new(From?.PerSecond ?? 1, To?.PerSecond ?? 2, new CapacitySettings(From?.PerSecond ?? 1, P99, MaxErrors.Fraction))
        {
            ProbeLength = Probe,
            CoolDown = CoolDown,
            WarmUp = WarmUp,
            Precision = Precision.Fraction,
        };
}
