using System.Text.Json.Serialization;

namespace DrillRunner.Timeline;

/// <summary>An immutable copy of a timeline, the input of scoring and reports.</summary>
public sealed record TimelineSnapshot(
    IReadOnlyList<TimelineEvent> Events,
    [property: JsonConverter(typeof(ProbeSamplesJsonConverter))] IReadOnlyList<ProbeSample> Samples,
    IReadOnlyList<TrafficSecond> Traffic,
    IReadOnlyList<TrafficSummary> TrafficSummaries,
    IReadOnlyList<CanaryAck>? CanaryAcks = null,
    IReadOnlyList<CanaryCheck>? CanaryChecks = null)
{
    public static readonly TimelineSnapshot Empty = new([], [], [], []);

    // Timelines saved before canaries have neither list: never null after loading.
    public IReadOnlyList<CanaryAck> CanaryAcks { get; init; } = CanaryAcks ?? [];

    public IReadOnlyList<CanaryCheck> CanaryChecks { get; init; } = CanaryChecks ?? [];

    /// <summary>Alerts of the drill's alert source, each timed by itself (see <see cref="AlertSignal"/>).</summary>
    public IReadOnlyList<AlertSignal> Alerts { get; init; } = [];

    /// <summary>Instance counts of the services objectives observe, sampled through the driver.</summary>
    public IReadOnlyList<InstanceCount> Instances { get; init; } = [];

    /// <summary>Findings of <c>capacity</c> steps.</summary>
    public IReadOnlyList<CapacityFinding> Capacity { get; init; } = [];

    /// <summary>When each step of the method started and ended, and how (timelines saved before step timing have none).</summary>
    public IReadOnlyList<StepRecord> Steps
    {
        get;
        init => field = value ?? [];
    } = [];
}
