using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Traffic.Drill;

/// <summary>
/// Fault <c>surge</c>: a second generator on top of a baseline. <c>multiplier: 5</c> makes the total five times
/// the baseline named by <c>of</c> (the surge adds four times its rate); <c>rate</c> adds that rate instead.
/// Url, mix, users and timeout default to the baseline's.
/// </summary>
public sealed class SurgeOptions : StepOptions
{
    /// <summary>Name of the running <c>traffic</c> step to copy and multiply.</summary>
    public string? Of { get; init; }

    public Rate? Rate { get; init; }

    [Range(1.0, 1000.0)]
    public double? Multiplier { get; init; }

    /// <summary>Ramp from nothing to the surge rate over this long instead of jumping.</summary>
    public TimeSpan? RampUp { get; init; }

    /// <summary>Defaults to the baseline's url.</summary>
    public string? Url { get; init; }

    public IReadOnlyList<RequestOptions>? Mix { get; init; }

    [Range(1, 10_000)]
    public int? Connections { get; init; }

    [Range(1, 100_000_000)]
    public long MaxRequests { get; init; } = TrafficStepConstants.DefaultMaxRequests;
}
