using DrillRunner.Model;
using DrillRunner.Scoring;

namespace DrillRunner.Reports.Leadership;

/// <summary>
/// One real incident's drills side by side: the replay before the fixes and the same incident after them, each with
/// its latest scored run, so the report shows the score going from FAIL to PASS (or not).
/// </summary>
public sealed record IncidentSeries(string Incident, string? Document, IReadOnlyList<IncidentStageRun> Stages)
{
    /// <summary>Latest scored runs of the period with an incident, grouped by incident, stages in order.</summary>
    internal static IReadOnlyList<IncidentSeries> From(IReadOnlyList<StoredRun> inPeriod) =>
        inPeriod.Where(r => r.Result?.Incident is not null && r.Result.Score is { Verdict: Verdict.Pass or Verdict.Fail })
            .GroupBy(r => r.Result!.Incident!.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new IncidentSeries(
                g.Key,
                g.Select(r => r.Result!.Incident!.Document).LastOrDefault(d => d is not null),
                g.GroupBy(r => (r.Result!.Incident!.Stage, r.Record.Drill))
                    .OrderBy(s => s.Key.Stage).ThenBy(s => s.Key.Drill, StringComparer.Ordinal)
                    .Select(s =>
                    {
                        var latest = s.Last();
                        return new IncidentStageRun(s.Key.Stage, s.Key.Drill, latest.Record.Id, latest.Record.StartedAt,
                            latest.Result!.Score!.Verdict, latest.Result.Score.Value, s.Count());
                    }).ToList()))
            .ToList();
}

/// <summary>A stage of an incident series: its drill and that drill's latest scored run in the period.</summary>
public sealed record IncidentStageRun(IncidentStage Stage, string Drill, string RunId, DateTimeOffset At, Verdict Verdict, double Score, int Runs);
