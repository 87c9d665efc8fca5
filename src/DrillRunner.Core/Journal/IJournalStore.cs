using DrillRunner.Timeline;

namespace DrillRunner.Journal;

/// <summary>
/// The durable, append-only record of runs. Every write is durable when the call returns (the SQLite store
/// commits with synchronous=FULL), so an undo record written before a fault survives a crash.
/// </summary>
public interface IJournalStore
{
    Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken);

    Task AppendEventAsync(string runId, TimelineEvent item, CancellationToken cancellationToken);

    /// <summary>Writes an undo record as <see cref="UndoStatus.Pending"/> and returns its entry id.</summary>
    Task<long> AddUndoAsync(string runId, string step, UndoRecord record, DateTimeOffset at, CancellationToken cancellationToken);

    Task SetUndoStatusAsync(long entryId, UndoStatus status, DateTimeOffset at, string? detail, CancellationToken cancellationToken);

    Task<IReadOnlyList<UndoEntry>> GetUndoEntriesAsync(string runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEvent>> GetEventsAsync(string runId, CancellationToken cancellationToken);

    Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset at, string? verdict, double? score, string? resultJson, CancellationToken cancellationToken);

    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The saved result document (JSON) of a finished run, if any.</summary>
    Task<string?> GetResultJsonAsync(string runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> FindRunsAsync(RunQuery query, CancellationToken cancellationToken);
}

/// <summary>Filters for <see cref="IJournalStore.FindRunsAsync"/>; null means any.</summary>
public sealed record RunQuery(string? Drill = null, RunStatus? Status = null, string? Environment = null, int Limit = 100);
