namespace DemoShop.Lb;

/// <summary>One app server behind the load balancer and what the LB last learned about it.</summary>
internal sealed class Backend(Uri baseAddress)
{
    private long _forwarded;
    private int _failedChecks;
    private volatile bool _healthy;
    private volatile string? _lastError;

    public Uri BaseAddress { get; } = baseAddress;

    public bool Healthy => _healthy;

    public string? LastError => _lastError;

    public DateTimeOffset? LastCheckedAt { get; private set; }

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public void MarkHealthy(DateTimeOffset at)
    {
        _failedChecks = 0;
        _healthy = true;
        _lastError = null;
        LastCheckedAt = at;
    }

    public void MarkUnhealthy(string reason, DateTimeOffset at)
    {
        _healthy = false;
        _lastError = reason;
        LastCheckedAt = at;
    }

    /// <summary>
    /// A failed health check takes the backend out only after <see cref="ShopConstants.UnhealthyAfterFailedChecks"/>
    /// in a row, so one slow answer on a busy host does not flap it; a refused connection takes it out at once.
    /// </summary>
    public void RecordFailedCheck(string reason, DateTimeOffset at)
    {
        if (Interlocked.Increment(ref _failedChecks) >= ShopConstants.UnhealthyAfterFailedChecks || !_healthy)
        {
            MarkUnhealthy(reason, at);
        }
        else
        {
            _lastError = reason;
            LastCheckedAt = at;
        }
    }

    public void CountForwarded() => Interlocked.Increment(ref _forwarded);
}
