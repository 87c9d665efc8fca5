using System.Text.Json;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Scoring;
using DrillRunner.Steps;
using DrillRunner.Testing;
using DrillRunner.Timeline;
using DrillRunner.Units;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Reports.Leadership;

/// <summary>A real SQLite journal filled with finished runs whose times come from a fake clock.</summary>
internal sealed class SeededJournal : IDisposable
{
    private readonly TempFolder _folder = new();
    private int _next;

    public SeededJournal(DateTimeOffset now)
    {
        Now = now;
        Store = new SqliteJournalStore(Path.Combine(_folder.Path, "journal.db"));
    }

    public DateTimeOffset Now { get; }

    public SqliteJournalStore Store { get; }

    /// <summary>A <c>recover</c> result; <paramref name="rto"/> null is "not recovered".</summary>
    public static ObjectiveResult Recover(string target, string? rto) =>
        Objective("recover", Measures.Rto, target, rto, "not recovered");

    /// <summary>A <c>data-loss</c> result with an RPO target; <paramref name="rpo"/> null is "unknown".</summary>
    public static ObjectiveResult DataLoss(string target, string? rpo, long lost = 0)
    {
        var result = Objective("data-loss", Measures.Rpo, target, rpo, "unknown");
        return rpo is null ? result : result with { Measurements = [.. result.Measurements, Measurement.Count(Measures.LostWrites, lost)] };
    }

    private static ObjectiveResult Objective(string kind, string measure, string target, string? achieved, string unmeasured)
    {
        var bound = Bound.AtMost(measure, Duration(target));
        Measurement[] measured = achieved is null ? [] : [Measurement.Duration(measure, Duration(achieved))];
        var met = bound.IsMetBy(measured);
        return new(kind, [bound], measured, met, met ? 1 : 0, 30, true, "measured", met ? null : $"fix {kind}", achieved is null ? unmeasured : null);
    }

    private static TimeSpan Duration(string text) => DurationParser.TryParse(text, out var value, out var error) ? value : throw new ArgumentException(error);

    /// <summary>Records a run of <paramref name="drill"/> started <paramref name="daysAgo"/> days before now.</summary>
    public Task AddAsync(string drill, double daysAgo, Verdict verdict, double score, params ObjectiveResult[] objectives) =>
        AddAsync(drill, daysAgo, verdict, score, incident: null, objectives);

    /// <summary>As <see cref="AddAsync(string, double, Verdict, double, ObjectiveResult[])"/>, for a drill that replays an incident.</summary>
    public async Task AddAsync(string drill, double daysAgo, Verdict verdict, double score, DrillRunner.Model.IncidentSpec? incident, params ObjectiveResult[] objectives)
    {
        // A clock per run: runs are seeded in any order, and a fake clock only moves forward.
        var time = new FakeTimeProvider(Now - TimeSpan.FromDays(daysAgo));
        var id = $"run-{++_next:00}-{drill}";
        var started = time.GetUtcNow();
        await Store.CreateRunAsync(new RunRecord(id, drill, "test-shop", "fake", "schedule", "drill.yaml", "env.yaml", RunStatus.Running, started), default);
        time.Advance(TimeSpan.FromMinutes(3));
        var problems = verdict == Verdict.Inconclusive ? new[] { "probe 'shop' has a 30s gap" } : [];
        var result = new RunResult(id, drill, null, "test-shop", "fake", "schedule", RunStatus.Completed, null, started, time.GetUtcNow(), null,
            [], [], TimelineSnapshot.Empty, new Score(score, verdict, Scorer.Band(score), objectives, problems))
        {
            Incident = incident,
        };
        await Store.FinishRunAsync(id, RunStatus.Completed, time.GetUtcNow(), verdict.ToString().ToUpperInvariant(), score,
            JsonSerializer.Serialize(result, JsonDefaults.Options), default);
    }

    public void Dispose() => _folder.Dispose();
}
