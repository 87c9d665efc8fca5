using System.Net.Sockets;
using DrillRunner.Traffic.Http;
using DrillRunner.Traffic.Pacing;
using DrillRunner.Traffic.Recording;
using DrillRunner.Traffic.Running;

namespace DrillRunner.Traffic.Loop;

/// <summary>
/// The run on one thread, as wrk2 does it: the pacer, every socket and the timeouts share one epoll loop, so a
/// request costs no thread hand-off and no speculative read (measured against the socket engine: docs/benchmarks.md).
/// Plain HTTP on Linux x86-64 with the real clock; HTTPS, other systems and fake clocks use the socket engine.
/// Requests, recording and the per-second reports are the same as there (<see cref="ConnectionWorker"/>).
/// </summary>
internal sealed partial class EventLoopRun : IDisposable
{
    /// <summary>Set to <c>sockets</c> to force the socket engine (comparisons, diagnosis).</summary>
    public const string EngineVariable = "DRILLRUNNER_TRAFFIC_ENGINE";

    private readonly RunContext _run;
    private readonly LoopConnection[] _connections;
    private readonly int _epoll;
    private readonly EpollEvent[] _events = new EpollEvent[256];
    private readonly Queue<(WorkItem Item, SecondBucket Bucket)> _backlog = new();
    private readonly Stack<LoopConnection> _free = new();
    private readonly Queue<LoopConnection> _finished = new();
    private readonly long _scanEvery;
    private int _busy;

    private EventLoopRun(RunContext run, IReadOnlyList<ConnectionWorker> workers, IReadOnlyList<Socket?> sockets)
    {
        _run = run;
        _epoll = LinuxEpoll.Create();
        _connections = [.. workers.Select((w, i) => new LoopConnection(i, w))];
        for (var i = _connections.Length - 1; i >= 0; i--)
        {
            if (sockets[i] is { } socket)
            {
                Attach(_connections[i], socket, connecting: false);
                _connections[i].State = LoopState.Idle;
            }

            _free.Push(_connections[i]);
        }

        _scanEvery = run.ToTicks(TimeSpan.FromTicks(Math.Clamp(run.Plan.Timeout.Ticks / 10, TimeSpan.TicksPerMillisecond, 50 * TimeSpan.TicksPerMillisecond)));
    }

    public static bool CanRun(TargetEndpoint endpoint, TimeProvider time) =>
        !endpoint.Tls
        && ReferenceEquals(time, TimeProvider.System)
        && Environment.GetEnvironmentVariable(EngineVariable) != "sockets"
        && LinuxEpoll.IsSupported;

    public static Task<StopReason> RunAsync(
        RunContext run, IReadOnlyList<ConnectionWorker> workers, IReadOnlyList<Socket?> sockets, ArrivalProfile? profile, CancellationToken cancellationToken) =>
        DedicatedThread.RunAsync("traffic-loop", () =>
        {
            using var loop = new EventLoopRun(run, workers, sockets);
            return loop.Run(profile is null ? null : new Pacer(profile), cancellationToken);
        });

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            CloseSocket(connection);
        }

        LinuxEpoll.Close(_epoll);
    }

    private StopReason Run(Pacer? pacer, CancellationToken cancellationToken)
    {
        var issuing = new Issuing(pacer is null ? _run.Plan.MaxRequests : Math.Min(pacer.PlannedRequests, _run.Plan.MaxRequests)) { Previous = _run.Start };
        var nextScan = _run.Time.GetTimestamp() + _scanEvery;
        StopReason? stopped = null;
        while (true)
        {
            var now = _run.Time.GetTimestamp();
            var wakeAt = long.MaxValue;
            FeedFinished(now);
            if (stopped is null)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    stopped = StopReason.Cancelled;
                    AbandonBacklog();
                }
                else
                {
                    stopped = pacer is null ? IssueClosed(issuing, now, out wakeAt) : IssueOpen(pacer, issuing, now, out wakeAt);
                }

                if (stopped is not null)
                {
                    // As the socket engine does: an open run's rates are taken over its issuing window.
                    Volatile.Write(ref _run.IssuingEnded, pacer is null ? 0 : _run.Time.GetTimestamp());
                    Volatile.Write(ref _run.Frontier, long.MaxValue);
                }
            }

            if (now >= nextScan)
            {
                ExpireTimeouts(now);
                nextScan = now + _scanEvery;
            }

            FeedFinished(now);
            if (stopped is not null && _busy == 0 && _backlog.Count == 0 && _finished.Count == 0)
            {
                return stopped.Value;
            }

            // Connections freed since the issuing above go straight back to work (closed model): no waiting then.
            var ready = _finished.Count > 0 || (pacer is null && stopped is null && _free.Count > 0);
            var until = Math.Min(wakeAt, nextScan);
            var count = ready ? 0 : LinuxEpoll.Wait(_epoll, _events, TimeSpan.FromSeconds(_run.Seconds(until - _run.Time.GetTimestamp())));
            for (var i = 0; i < count; i++)
            {
                Handle(_connections[(int)_events[i].Data], _events[i].Events);
            }
        }
    }

    /// <summary>Open model: issues every request due by now; null while the schedule goes on.</summary>
    private StopReason? IssueOpen(Pacer pacer, Issuing issuing, long now, out long wakeAt)
    {
        wakeAt = long.MaxValue;
        while (true)
        {
            if (issuing.Next >= issuing.Total)
            {
                return issuing.Total < pacer.PlannedRequests ? StopReason.MaxRequests : StopReason.Duration;
            }

            var intended = _run.Start + (long)(pacer.IntendedSeconds(issuing.Next) * _run.Frequency);
            if (intended >= _run.Deadline)
            {
                return StopReason.Duration;
            }

            Volatile.Write(ref _run.Frontier, intended);
            if (now < intended)
            {
                // Never early; at most one coalescing window late (see WakeCoalescing).
                wakeAt = Math.Max(intended, issuing.LastBatch + WakeCoalescing.WindowTicks(intended - issuing.Previous, _run.Frequency));
                return null;
            }

            issuing.LastBatch = now;
            issuing.Previous = intended;
            var bucket = _run.Recorder.Plan(intended);
            var item = new WorkItem(issuing.Next++, intended);
            if (Interlocked.Increment(ref _run.InFlight) > _run.Plan.MaxInFlight)
            {
                Interlocked.Decrement(ref _run.InFlight);
                bucket.Drop();
                continue;
            }

            Submit(item, bucket, now);
        }
    }

    /// <summary>Closed model: every free connection sends its next request now.</summary>
    private StopReason? IssueClosed(Issuing issuing, long now, out long wakeAt)
    {
        wakeAt = _run.Deadline;
        while (_free.Count > 0)
        {
            if (now >= _run.Deadline)
            {
                return StopReason.Duration;
            }

            if (issuing.Next >= issuing.Total)
            {
                return StopReason.MaxRequests;
            }

            // The reporter may close a second once the clock passes it; keep a margin as the socket engine does.
            Volatile.Write(ref _run.Frontier, now - (_run.Frequency / 10));
            var bucket = _run.Recorder.Plan(now);
            Interlocked.Increment(ref _run.InFlight);
            Submit(new WorkItem(issuing.Next++, now), bucket, now);
        }

        return null;
    }

    private void Submit(WorkItem item, SecondBucket bucket, long now)
    {
        if (_free.TryPop(out var connection))
        {
            if (!TryStart(connection, item, bucket, now))
            {
                _free.Push(connection);
            }
        }
        else
        {
            _backlog.Enqueue((item, bucket));
        }
    }

    /// <summary>Gives connections that finished an exchange the next queued request, or frees them.</summary>
    private void FeedFinished(long now)
    {
        while (_finished.TryDequeue(out var connection))
        {
            var started = false;
            while (!started && _backlog.TryDequeue(out var next))
            {
                started = TryStart(connection, next.Item, next.Bucket, now);
            }

            if (!started)
            {
                _free.Push(connection);
            }
        }
    }

    private void AbandonBacklog()
    {
        while (_backlog.TryDequeue(out var queued))
        {
            queued.Bucket.Abandon();
            Interlocked.Decrement(ref _run.InFlight);
        }
    }

    private sealed class Issuing(long total)
    {
        public long Total { get; } = total;

        public long Next { get; set; }

        public long Previous { get; set; }

        public long LastBatch { get; set; } = long.MinValue / 2;
    }
}
