using System.Text.Json;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Scoring;

namespace DrillRunner.Reports.Leadership;

/// <summary>
/// Rolls up the journal's runs for leadership: executive summary, score trend per drill, RTO/RPO compliance,
/// coverage and freshness, time to recover and detect (p50/p90), open corrective actions. "Now" comes only
/// from the injected <see cref="TimeProvider"/>, so the same journal and clock give the same report.
/// </summary>
public static class LeadershipReport
{
    /// <summary>The most runs read from the journal for one report.</summary>
    public const int MaxRuns = 10_000;

    public static async Task<LeadershipSummary> BuildAsync(IJournalStore journal, LeadershipOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var periodStart = now - options.Since;
        var records = await journal.FindRunsAsync(new RunQuery(Limit: MaxRuns), cancellationToken);
        var runs = new List<StoredRun>(records.Count);
        foreach (var record in records)
        {
            // Results are only needed inside the period; older runs count for freshness alone.
            var result = record.StartedAt >= periodStart && record.StartedAt <= now
                ? Parse(await journal.GetResultJsonAsync(record.Id, cancellationToken))
                : null;
            runs.Add(new StoredRun(record, result));
        }

        return Compute(runs, options, now);
    }

    public static LeadershipSummary Compute(IReadOnlyList<StoredRun> runs, LeadershipOptions options, DateTimeOffset now)
    {
        var periodStart = now - options.Since;
        var finished = runs.Where(r => r.Record.Status is not (RunStatus.Queued or RunStatus.Running) && r.Record.StartedAt <= now).ToList();
        var inPeriod = finished.Where(r => r.Record.StartedAt >= periodStart).OrderBy(r => r.Record.StartedAt).ToList();
        var trends = LeadershipFigures.Trends(inPeriod, options);
        var compliance = new[] { ("recover", "RTO (recover)"), ("data-loss", "RPO (data-loss)") }
            .Select(k => LeadershipFigures.Compliance(inPeriod, k.Item1, k.Item2, options.ComplianceRuns)).ToList();
        var coverage = LeadershipFigures.Coverage(finished, inPeriod, options, now);
        var recover = LeadershipFigures.Timing(inPeriod, "recover", Measures.Rto, skipZero: true);
        var detect = LeadershipFigures.Timing(inPeriod, "detect", Measures.TimeToDetect);
        var actions = LeadershipFigures.OpenActions(inPeriod);
        var recoveryPoint = LeadershipFigures.RecoveryPoint(inPeriod);
        var evidence = LeadershipFigures.DisasterRecovery(inPeriod, options, now);
        var incidents = IncidentSeries.From(inPeriod);
        var summary = LeadershipFigures.Executive(inPeriod, trends, compliance[0], recover, compliance[1], recoveryPoint, coverage, actions, periodStart, options);
        if (DisasterRecoveryLines.Executive(evidence) is { } line)
        {
            summary = [.. summary, line];
        }

        summary = [.. summary, .. incidents.Select(LeadershipFigures.IncidentLine)];
        return new LeadershipSummary(now, periodStart, summary, trends, compliance, coverage, recover, detect, actions, options.StaleAfter, recoveryPoint)
        {
            DisasterRecovery = evidence,
            Incidents = incidents,
        };
    }

    private static RunResult? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return SavedResults.Read(json);
        }
        catch (JsonException)
        {
            // A result written by an older runner that no longer reads: the run still counts by its record.
            return null;
        }
    }
}
