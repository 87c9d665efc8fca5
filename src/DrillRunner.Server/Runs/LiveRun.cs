using System.Collections.Concurrent;
using DrillRunner.Engine;
using DrillRunner.Timeline;

namespace DrillRunner.Runs;

/// <summary>What the server knows of a queued or running run beyond the journal: progress, recent events, abort.</summary>
internal sealed class LiveRun(string runId, string drill, string environment, TimeProvider time) : IProgress<RunProgress>, IProgress<TimelineEvent>, IDisposable
{
    private const int RecentEvents = 30;
    private readonly ConcurrentQueue<TimelineEvent> _events = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _faultSince = new(StringComparer.Ordinal);

    public string RunId => runId;

    public string Drill => drill;

    public string Environment => environment;

    public CancellationTokenSource Abort { get; } = new();

    /// <summary>Why <see cref="Abort"/> fired (who aborted, or the halt); the run's journal and report say it.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>Aborts the run (or its wait in the queue) with a reason; the first reason stays.</summary>
    public void RequestAbort(string reason)
    {
        lock (_gate)
        {
            AbortReason ??= reason;
        }

        try
        {
            Abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended meanwhile.
        }
    }

    public RunProgress? Progress { get; private set; }

    public IReadOnlyList<TimelineEvent> Events => [.. _events];

    public Action<LiveRun>? ProgressChanged { get; set; }

    /// <summary>How long the oldest fault still active has been active.</summary>
    public TimeSpan OldestFaultAge => _faultSince.IsEmpty ? TimeSpan.Zero : time.GetUtcNow() - _faultSince.Values.Min();

    public void Report(RunProgress value)
    {
        Progress = value;
        var now = time.GetUtcNow();
        foreach (var fault in value.ActiveFaults)
        {
            _faultSince.TryAdd(fault, now);
        }

        foreach (var gone in _faultSince.Keys.Except(value.ActiveFaults, StringComparer.Ordinal))
        {
            _faultSince.TryRemove(gone, out _);
        }

        ProgressChanged?.Invoke(this);
    }

    public void Report(TimelineEvent value)
    {
        _events.Enqueue(value);
        while (_events.Count > RecentEvents && _events.TryDequeue(out _))
        {
        }
    }

    public void Dispose() => Abort.Dispose();
}
