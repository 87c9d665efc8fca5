using DrillRunner.Traffic.Recording;

namespace DrillRunner.Traffic.Running;

/// <summary>
/// Hands each due request to an idle connection at once (the send happens on the caller's thread, no queue hop),
/// or queues it until a connection frees up. Time spent queued counts as latency.
/// </summary>
internal sealed class Dispatcher
{
    private readonly Lock _gate = new();
    private readonly RunContext _run;
    private readonly Stack<ConnectionWorker> _idle;
    private readonly Queue<WorkItem> _backlog = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _busy;
    private bool _closed;
    private bool _cancelled;
    private Exception? _fault;

    public Dispatcher(RunContext run, IEnumerable<ConnectionWorker> workers)
    {
        _run = run;
        _idle = new Stack<ConnectionWorker>(workers.Reverse());
    }

    public void Submit(WorkItem item)
    {
        ConnectionWorker? worker;
        lock (_gate)
        {
            if (!_idle.TryPop(out worker))
            {
                _backlog.Enqueue(item);
                return;
            }

            _busy++;
        }

        _ = RunAsync(worker, item);
    }

    /// <summary>No more submissions; completes when every submitted request has finished.</summary>
    public async Task CloseAsync()
    {
        lock (_gate)
        {
            _closed = true;
            if (_busy == 0)
            {
                _drained.TrySetResult();
            }
        }

        await _drained.Task;
        if (_fault is not null)
        {
            throw new InvalidOperationException("A traffic connection worker failed.", _fault);
        }
    }

    /// <summary>Queued requests are abandoned unsent; running ones finish or are aborted by the caller.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            while (_backlog.TryDequeue(out var item))
            {
                _run.Recorder[_run.Recorder.SecondOf(item.Intended)].Abandon();
                Interlocked.Decrement(ref _run.InFlight);
            }
        }
    }

    private async Task RunAsync(ConnectionWorker worker, WorkItem item)
    {
        while (true)
        {
            try
            {
                await worker.ExecuteAsync(item, BucketOf(item));
            }
            catch (Exception e)
            {
                _fault ??= e;
            }

            Interlocked.Decrement(ref _run.InFlight);
            lock (_gate)
            {
                if (_cancelled || !_backlog.TryDequeue(out item))
                {
                    _idle.Push(worker);
                    _busy--;
                    if (_closed && _busy == 0)
                    {
                        _drained.TrySetResult();
                    }

                    return;
                }
            }
        }
    }

    private SecondBucket BucketOf(WorkItem item) => _run.Recorder[_run.Recorder.SecondOf(item.Intended)];
}
