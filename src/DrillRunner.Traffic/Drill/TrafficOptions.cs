using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Traffic.Drill;

/// <summary>
/// Step <c>traffic</c>: open-model baseline load for the whole drill, measured per second into the timeline.
/// Without a <c>duration</c> it runs until the restore phase (bounded by <see cref="TrafficStepConstants.MaxDuration"/>).
/// </summary>
public sealed class TrafficOptions : StepOptions
{
    /// <summary>Absolute URL; <c>${endpoints.NAME}</c> refers to the environment's endpoints.</summary>
    [Required]
    public string Url { get; init; } = "";

    /// <summary>Constant arrival rate, e.g. <c>50/s</c>. Give either this or <see cref="Profile"/>.</summary>
    public Rate? Rate { get; init; }

    /// <summary>Linear segments run one after another; the last rate holds until the step ends.</summary>
    public IReadOnlyList<SegmentOptions>? Profile { get; init; }

    [Range(1, 10_000_000)]
    public int Users { get; init; } = TrafficStepConstants.DefaultUsers;

    /// <summary>Requests to send, chosen by weight; default: GET on the url.</summary>
    public IReadOnlyList<RequestOptions>? Mix { get; init; }

    [DurationRange("1ms", "10m")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    [Range(1, 10_000)]
    public int Connections { get; init; } = TrafficStepConstants.DefaultConnections;

    /// <summary>Accept any server certificate (self-signed staging certificates).</summary>
    public bool Insecure { get; init; }

    [Range(1, 100_000_000)]
    public long MaxRequests { get; init; } = TrafficStepConstants.DefaultMaxRequests;
}
