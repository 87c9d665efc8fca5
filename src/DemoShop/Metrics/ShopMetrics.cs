using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace DemoShop.Metrics;

/// <summary>
/// The instance's counters. Hand-written instead of prometheus-net because that library's default registry is
/// process-wide, and tests run several shop instances in one process.
/// </summary>
internal sealed class ShopMetrics
{
    private readonly ConcurrentDictionary<(string Route, string Method, int Status), StrongBox<long>> _requests = new();
    private readonly ConcurrentDictionary<(string Store, string Durability), StrongBox<long>> _orderWrites = new();
    private long _inFlight;
    private long _rejected;
    private long _timedOut;

    public LatencyHistogram Latency { get; } = new();

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long TimedOut => Interlocked.Read(ref _timedOut);

    public IEnumerable<KeyValuePair<(string Route, string Method, int Status), long>> Requests =>
        _requests.Select(r => KeyValuePair.Create(r.Key, Interlocked.Read(ref r.Value.Value)));

    public IEnumerable<KeyValuePair<(string Store, string Durability), long>> OrderWrites =>
        _orderWrites.Select(r => KeyValuePair.Create(r.Key, Interlocked.Read(ref r.Value.Value)));

    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestFinished(string route, string method, int status, TimeSpan duration)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _requests.GetOrAdd((route, method, status), static _ => new StrongBox<long>()).Value);
        Latency.Observe(duration);
    }

    public void CountRejected() => Interlocked.Increment(ref _rejected);

    public void CountTimedOut() => Interlocked.Increment(ref _timedOut);

    public void CountOrderWrite(string store, string durability) =>
        Interlocked.Increment(ref _orderWrites.GetOrAdd((store, durability), static _ => new StrongBox<long>()).Value);
}
