namespace DemoShop.App;

/// <summary>
/// A FIFO concurrency gate whose limit and queue length are read on every use, so a live settings change takes
/// effect at once. <c>System.Threading.RateLimiting.ConcurrencyLimiter</c> fixes both at construction, which is
/// exactly what a drill needs to change on a running instance.
/// </summary>
internal sealed class AdjustableGate(Func<int> limit, Func<int> queueLimit)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new();
    private int _inUse;

    public int InUse
    {
        get { lock (_lock) { return _inUse; } }
    }

    public int Queued
    {
        get { lock (_lock) { return _waiters.Count; } }
    }

    /// <summary>True once a slot is held; false when the queue is full. Throws when cancelled while queued.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _inUse < limit())
            {
                _inUse++;
                return true;
            }

            if (_waiters.Count >= queueLimit())
            {
                return false;
            }

            node = _waiters.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is not null)
                {
                    _waiters.Remove(node);
                }
            }

            node.Value.TrySetCanceled(cancellationToken);
        });
        return await node.Value.Task;
    }

    public void Release()
    {
        lock (_lock)
        {
            _inUse--;
            Pump();
        }
    }

    /// <summary>Lets queued callers in after the limit was raised.</summary>
    public void Adjust()
    {
        lock (_lock)
        {
            Pump();
        }
    }

    private void Pump()
    {
        while (_waiters.First is { } first && _inUse < limit())
        {
            _waiters.RemoveFirst();
            if (first.Value.TrySetResult(true))
            {
                _inUse++;
            }
        }
    }
}
