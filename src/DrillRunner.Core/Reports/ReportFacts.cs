using DrillRunner.Engine;
using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Reports;

/// <summary>Measured facts every report format states the same way: impact window, failures, users affected.</summary>
public sealed record ReportFacts(
    DateTimeOffset? ImpactStart,
    DateTimeOffset? ImpactEnd,
    long FailedSamples,
    long TotalSamples,
    long FailedRequests,
    long TotalRequests,
    long UsersAffected,
    long UsersTotal)
{
    public TimeSpan? ImpactDuration => ImpactStart is { } start && ImpactEnd is { } end ? end - start : null;

    public static ReportFacts From(RunResult result)
    {
        var samples = result.Timeline.Samples;
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        if (result.Window is { } window)
        {
            var input = new ScoringInput(result.Timeline, result.Changes, window, result.Recovery ?? new Model.RecoverySpec());
            start = RecoveryAnalysis.FirstFailure(input);
            end = start is null ? null : RecoveryAnalysis.SteadyStateBack(input, start.Value);
        }

        var users = TrafficUsers.Of(result.Timeline.TrafficSummaries);
        return new ReportFacts(
            start,
            end,
            samples.Count(s => !s.Ok),
            samples.Count,
            result.Timeline.Traffic.Sum(t => t.Failed),
            result.Timeline.Traffic.Sum(t => t.Ok + t.Failed),
            users.Affected,
            users.Total);
    }

    /// <summary>
    /// Events worth a line in a postmortem timeline (phases, faults, actions, aborts, errors), with the measured
    /// impact start (first failing sample) and end (steady state back) placed among them.
    /// </summary>
    public static IEnumerable<TimelineEvent> KeyEvents(RunResult result)
    {
        var facts = From(result);
        var events = result.Timeline.Events.Where(e => e.Kind != EventKinds.Phase || e.Message is "phase inject" or "phase restore" or "phase recover").ToList();
        if (facts.ImpactStart is { } start)
        {
            var first = result.Timeline.Samples.First(s => s.At == start && !s.Ok);
            events.Add(new TimelineEvent(start, "impact", $"first failing sample: probe '{first.Probe}' {first.Error}"));
        }

        if (facts.ImpactEnd is { } end)
        {
            events.Add(new TimelineEvent(end, "impact", "service back: every probe passing from here on"));
        }

        return events.OrderBy(e => e.At);
    }
}
