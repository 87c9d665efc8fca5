using DrillRunner.Catalog;
using DrillRunner.Model;
using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Traffic.Tests.Drill;

/// <summary>Hand-built timelines for the pure objective tests.</summary>
internal static class ObjectiveInputs
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static IObjective Create(ObjectiveOptions options) => new DrillCatalog().AddCoreComponents().CreateObjective(options);

    public static DrillRunner.Timeline.TrafficSecond Second(int at, long sent, double p50, double p95, double p99, double max, long failed = 0) =>
        new(Start.AddSeconds(at), "baseline", sent, sent, sent - failed, failed, new Dictionary<string, long>(), p50, p95, p99, max);

    public static ScoringInput Input(IReadOnlyList<DrillRunner.Timeline.TrafficSecond> traffic, IReadOnlyList<TrafficSummary>? summaries = null) => new(
        new TimelineSnapshot([], [], traffic, summaries ?? []),
        [],
        new RunWindow(Start, Start.AddSeconds(10), Start.AddSeconds(60), Start.AddSeconds(61), Start.AddSeconds(200)),
        new RecoverySpec());
}
