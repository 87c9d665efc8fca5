namespace DemoShop.Lb;

/// <summary>One app server behind the load balancer and what the LB last learned about it.</summary>
internal sealed class Backend(Uri baseAddress)
{
    private long _forwarded;
    private volatile bool _healthy;
    private volatile string? _lastError;

    public Uri BaseAddress { get; } = baseAddress;

    public bool Healthy => _healthy;

    public string? LastError => _lastError;

    public DateTimeOffset? LastCheckedAt { get; private set; }

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public void MarkHealthy(DateTimeOffset at)
    {
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

    public void CountForwarded() => Interlocked.Increment(ref _forwarded);
}
