using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>The mutable state of one run, shared by its phases. Events go to the timeline and the journal.</summary>
internal sealed class RunState(LoadedDrill drill, StepContext context, IJournalStore journal, IReadOnlyList<Alerts.AlertNotifications>? notifications = null)
{
    private readonly Lock _gate = new();
    private readonly List<ActiveChange> _changes = [];

    public LoadedDrill Drill { get; } = drill;

    public StepContext Context { get; } = context;

    public IJournalStore Journal { get; } = journal;

    /// <summary>Where Alertmanager notifications for this run arrive (the run's own receiver, the server's endpoint).</summary>
    public IReadOnlyList<Alerts.AlertNotifications> Notifications { get; } = notifications ?? [];

    public string RunId => Context.RunId;

    public TimeProvider Time => Context.Time;

    public RunTimeline Timeline => Context.Timeline;

    public DateTimeOffset StartedAt { get; } = context.Time.GetUtcNow();

    public RunPhase Phase { get; private set; } = RunPhase.Starting;

    public DateTimeOffset? FirstFaultAt { get; private set; }

    public string? LastEvent { get; private set; }

    /// <summary>Journal writes of events that failed; the timeline still has the events.</summary>
    public int JournalFailures { get; private set; }

    /// <summary>
    /// Adds an event to the timeline, then to the journal. A journal that fails does not stop the run (above all not its
    /// restore): the failure is counted and noted on the timeline.
    /// </summary>
    public async Task LogAsync(string kind, string message, string? step = null)
    {
        var item = new TimelineEvent(Time.GetUtcNow(), kind, message, step);
        LastEvent = message;
        Timeline.Add(item);
        if (await UndoExecutor.TryJournalAsync(() => Journal.AppendEventAsync(RunId, item, CancellationToken.None)) is { } error)
        {
            JournalFailures++;
            Timeline.Add(new TimelineEvent(Time.GetUtcNow(), EventKinds.Error, $"journal write failed: {error}", step));
        }
    }

    public Task EnterAsync(RunPhase phase)
    {
        Phase = phase;
        return LogAsync(EventKinds.Phase, $"phase {phase.ToString().ToLowerInvariant()}");
    }

    public void Track(ActiveChange change)
    {
        lock (_gate)
        {
            _changes.Add(change);
        }
    }

    public void MarkFaultInjected()
    {
        FirstFaultAt ??= Time.GetUtcNow();
    }

    /// <summary>Changes not yet undone, newest first: the restore order.</summary>
    public IReadOnlyList<ActiveChange> PendingChanges()
    {
        lock (_gate)
        {
            return _changes.Where(c => !c.Done).Reverse().ToList();
        }
    }
}
