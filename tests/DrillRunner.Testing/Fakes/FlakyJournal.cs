using DrillRunner.Journal;
using DrillRunner.Timeline;

namespace DrillRunner.Testing.Fakes;

/// <summary>
/// A real journal whose writes start failing (as on a full disk) once <see cref="FailWritesWhen"/> says so; reads keep
/// working. <see cref="Heal"/> makes writes work again.
/// </summary>
public sealed class FlakyJournal(IJournalStore inner) : IJournalStore
{
    private volatile bool _failing;

    /// <summary>Checked before each write with the call's name ("SetUndoStatus Active", "AppendEvent", ...); true arms the failure.</summary>
    public Func<string, bool>? FailWritesWhen { get; set; }

    public int FailedWrites { get; private set; }

    public void Heal()
    {
        _failing = false;
        FailWritesWhen = null;
    }

    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken) => WriteAsync("CreateRun", () => inner.CreateRunAsync(run, cancellationToken));

    public Task AppendEventAsync(string runId, TimelineEvent item, CancellationToken cancellationToken) =>
        WriteAsync("AppendEvent", () => inner.AppendEventAsync(runId, item, cancellationToken));

    public async Task<long> AddUndoAsync(string runId, string step, UndoRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        long id = 0;
        await WriteAsync("AddUndo", async () => id = await inner.AddUndoAsync(runId, step, record, at, cancellationToken));
        return id;
    }

    public Task SetUndoStatusAsync(long entryId, UndoStatus status, DateTimeOffset at, string? detail, CancellationToken cancellationToken) =>
        WriteAsync($"SetUndoStatus {status}", () => inner.SetUndoStatusAsync(entryId, status, at, detail, cancellationToken));

    public Task<IReadOnlyList<UndoEntry>> GetUndoEntriesAsync(string runId, CancellationToken cancellationToken) => inner.GetUndoEntriesAsync(runId, cancellationToken);

    public Task<IReadOnlyList<TimelineEvent>> GetEventsAsync(string runId, CancellationToken cancellationToken) => inner.GetEventsAsync(runId, cancellationToken);

    public Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset at, string? verdict, double? score, string? resultJson, CancellationToken cancellationToken) =>
        WriteAsync("FinishRun", () => inner.FinishRunAsync(runId, status, at, verdict, score, resultJson, cancellationToken));

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

    public Task<string?> GetResultJsonAsync(string runId, CancellationToken cancellationToken) => inner.GetResultJsonAsync(runId, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> FindRunsAsync(RunQuery query, CancellationToken cancellationToken) => inner.FindRunsAsync(query, cancellationToken);

    private async Task WriteAsync(string call, Func<Task> write)
    {
        if (!_failing && FailWritesWhen?.Invoke(call) == true)
        {
            _failing = true;
        }

        if (_failing)
        {
            FailedWrites++;
            throw new IOException($"No space left on device (journal {call})");
        }

        await write();
    }
}
