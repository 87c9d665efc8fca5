using System.Text.Json.Serialization;

namespace DrillRunner.Timeline;

/// <summary>An immutable copy of a timeline, the input of scoring and reports.</summary>
public sealed record TimelineSnapshot(
    IReadOnlyList<TimelineEvent> Events,
    [property: JsonConverter(typeof(ProbeSamplesJsonConverter))] IReadOnlyList<ProbeSample> Samples,
    IReadOnlyList<TrafficSecond> Traffic,
    IReadOnlyList<TrafficSummary> TrafficSummaries)
{
    public static readonly TimelineSnapshot Empty = new([], [], [], []);
}
