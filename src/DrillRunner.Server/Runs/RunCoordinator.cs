using System.Collections.Concurrent;
using DrillRunner.Drills;
using DrillRunner.Engine;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Timeline;
using Hangfire;

namespace DrillRunner.Runs;

/// <summary>
/// Accepts triggers (manual and scheduled): records the run as Queued in the journal, enqueues a Hangfire job with
/// only ids, and keeps the live state the API shows. Runs on one environment never overlap (see <see cref="EnvironmentGate"/>).
/// </summary>
internal sealed class RunCoordinator(Runner runner, DrillIndex drills, IBackgroundJobClient jobs)
{
    private readonly ConcurrentDictionary<string, EnvironmentGate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveRun> _live = new(StringComparer.Ordinal);

    public LiveRun? Live(string runId) => _live.GetValueOrDefault(runId);

    public EnvironmentGate Gate(string environment) => _gates.GetOrAdd(environment, _ => new EnvironmentGate());

    public async Task<TriggerOutcome> TriggerAsync(string drillName, string trigger, bool refuseIfBusy, CancellationToken cancellationToken)
    {
        if (drills.Find(drillName) is not { } entry)
        {
            return TriggerOutcome.Refused(TriggerRefusal.UnknownDrill, $"no drill named '{drillName}' in {drills.Folder}");
        }

        if (entry.Drill is not { } drill)
        {
            return TriggerOutcome.Refused(TriggerRefusal.InvalidDrill, $"drill '{drillName}' does not load: {entry.Error}");
        }

        var gate = Gate(drill.Environment.Name);
        if (!gate.TryAccept(onlyIfIdle: refuseIfBusy))
        {
            return TriggerOutcome.Refused(TriggerRefusal.Busy, $"environment '{drill.Environment.Name}' is busy with another run (ifBusy: refuse)");
        }

        var runId = RunIds.New(runner.Time);
        var record = new RunRecord(runId, drill.Spec.Name, drill.Environment.Name, drill.Environment.Driver, trigger, drill.DrillFile,
            drill.Environment.SourceFile, RunStatus.Queued, runner.Time.GetUtcNow());
        try
        {
            await runner.Journal.CreateRunAsync(record, cancellationToken);
            await runner.Journal.AppendEventAsync(runId, new TimelineEvent(record.StartedAt, EventKinds.Note, $"queued: trigger {trigger}"), cancellationToken);
        }
        catch
        {
            gate.Finished();
            throw;
        }

        Enqueue(record);
        return new TriggerOutcome(runId);
    }

    /// <summary>Re-enqueues runs a previous server accepted but never started (Hangfire's in-memory queue died with it).</summary>
    public async Task<int> RequeueAsync(CancellationToken cancellationToken)
    {
        var queued = await runner.Journal.FindRunsAsync(new RunQuery(Status: RunStatus.Queued, Limit: 10_000), cancellationToken);
        foreach (var record in queued.OrderBy(r => r.StartedAt))
        {
            Gate(record.Environment).TryAccept(onlyIfIdle: false);
            Enqueue(record);
        }

        return queued.Count;
    }

    /// <summary>Removes a finished run from the live set and frees its place on the environment.</summary>
    public void Finished(LiveRun live)
    {
        if (_live.TryRemove(live.RunId, out _))
        {
            Gate(live.Environment).Finished();
            live.Dispose();
        }
    }

    private void Enqueue(RunRecord record)
    {
        _live[record.Id] = new LiveRun(record.Id, record.Drill, record.Environment, runner.Time);
        jobs.Enqueue<RunDrillJob>(job => job.RunAsync(record.Drill, record.Id, record.Trigger, CancellationToken.None));
    }
}
