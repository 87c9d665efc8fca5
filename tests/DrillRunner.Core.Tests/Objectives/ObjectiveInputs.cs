using DrillRunner.Model;
using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Objectives;

/// <summary>Scoring inputs over a 90 s run: fault at +5 s, probes failing from +10 s to +60 s (unless told otherwise).</summary>
internal static class ObjectiveInputs
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static ScoringInput Run(
        IReadOnlyList<AlertSignal>? alerts = null, IReadOnlyList<TimelineEvent>? events = null, bool failing = true,
        IReadOnlyList<InstanceCount>? instances = null, IReadOnlyList<Journal.UndoEntry>? journal = null)
    {
        var samples = Enumerable.Range(0, 90).Select(t => new ProbeSample("p", T0.AddSeconds(t), !failing || t is < 10 or > 60, 1)).ToList();
        var timeline = new TimelineSnapshot(events ?? [], samples, [], []) { Alerts = alerts ?? [], Instances = instances ?? [] };
        return new ScoringInput(timeline, journal ?? [], new RunWindow(T0, T0.AddSeconds(5), T0.AddSeconds(70), T0.AddSeconds(71), T0.AddSeconds(90)), new RecoverySpec());
    }

    public static AlertSignal Alert(string name, double firedAt, double? receivedAt = null) =>
        new(name, $"alertname={name}", T0.AddSeconds(firedAt), receivedAt is { } r ? T0.AddSeconds(r) : null);
}
