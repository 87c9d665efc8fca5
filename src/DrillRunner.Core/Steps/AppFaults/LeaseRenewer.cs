namespace DrillRunner.Steps.AppFaults;

/// <summary>
/// Renews app-level leases while a change is active (every third of the lease). If the runner dies, renewing
/// stops and the services switch the change off themselves when the lease runs out.
/// </summary>
internal sealed class LeaseRenewer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseRenewer(TimeSpan lease, TimeProvider time, Func<CancellationToken, Task> renewAsync)
    {
        _loop = Task.Run(async () =>
        {
            var every = lease / 3;
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, time, _stop.Token);
                    await renewAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
#pragma warning disable CA1031 // A missed renewal is retried at the next tick; the lease leaves room for two misses.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
