using System.Collections.Concurrent;
using DrillRunner.Drills;
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

    /// <summary>Every run queued or running on this runner.</summary>
    public IReadOnlyCollection<LiveRun> AllLive => [.. _live.Values];

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

        if (await runner.Halt.ReadAsync(cancellationToken) is { } halted)
        {
            return TriggerOutcome.Refused(TriggerRefusal.Halted, $"drill '{drillName}' not started: {halted.Describe()}");
        }

        // Shared: any runner may execute the run, so the environment is busy when the shared journal says so, and the
        // gate is taken by the runner whose worker picks the job up (see Adopt).
        var gate = runner.IsShared ? null : Gate(drill.Environment.Name);
        var busy = gate is null
            ? refuseIfBusy && await BusyAnywhereAsync(drill.Environment.Name, cancellationToken)
            : !gate.TryAccept(onlyIfIdle: refuseIfBusy);
        if (busy)
        {
            return TriggerOutcome.Refused(TriggerRefusal.Busy, $"environment '{drill.Environment.Name}' is busy with another run (ifBusy: refuse)");
        }

        var runId = SharedRunIds.New(runner);
        var record = new RunRecord(runId, drill.Spec.Name, drill.Environment.Name, drill.Environment.Driver, trigger, drill.DrillFile,
            drill.Environment.SourceFile, RunStatus.Queued, runner.Time.GetUtcNow());
        try
        {
            await runner.Journal.CreateRunAsync(record, cancellationToken);
            await runner.Journal.AppendEventAsync(runId, new TimelineEvent(record.StartedAt, EventKinds.Note, $"queued: trigger {trigger}"), cancellationToken);
        }
        catch
        {
            gate?.Finished();
            throw;
        }

        Enqueue(record);
        return new TriggerOutcome(runId);
    }

    /// <summary>Re-enqueues runs a previous server accepted but never started (Hangfire's in-memory queue died with it).</summary>
    public async Task<int> RequeueAsync(CancellationToken cancellationToken)
    {
        if (runner.IsShared)
        {
            // Shared jobs live in PostgreSQL and survive the runner; re-enqueuing would run them twice.
            return 0;
        }

        var queued = await runner.Journal.FindRunsAsync(new RunQuery(Status: RunStatus.Queued, Limit: 10_000), cancellationToken);
        foreach (var record in queued.OrderBy(r => r.StartedAt))
        {
            Gate(record.Environment).TryAccept(onlyIfIdle: false);
            Enqueue(record);
        }

        return queued.Count;
    }

    /// <summary>
    /// The live state of a shared run this runner's worker picked up (accepted here or by another runner): it takes
    /// a place on the environment here, freed by <see cref="Finished"/>.
    /// </summary>
    public LiveRun Adopt(RunRecord record)
    {
        var live = new LiveRun(record.Id, record.Drill, record.Environment, runner.Time);
        if (!_live.TryAdd(record.Id, live))
        {
            live.Dispose();
            return _live[record.Id];
        }

        Gate(record.Environment).TryAccept(onlyIfIdle: false);
        return live;
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

    private async Task<bool> BusyAnywhereAsync(string environment, CancellationToken cancellationToken)
    {
        foreach (var status in (RunStatus[])[RunStatus.Running, RunStatus.Queued])
        {
            if ((await runner.Journal.FindRunsAsync(new RunQuery(Status: status, Environment: environment, Limit: 1), cancellationToken)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void Enqueue(RunRecord record)
    {
        if (!runner.IsShared)
        {
            _live[record.Id] = new LiveRun(record.Id, record.Drill, record.Environment, runner.Time);
        }

        jobs.Enqueue<RunDrillJob>(job => job.RunAsync(record.Drill, record.Id, record.Trigger, CancellationToken.None));
    }
}
