using DemoShop.Metrics;
using Microsoft.Extensions.Options;

namespace DemoShop.App;

/// <summary>The instance-wide request limiter, following <c>Shop:MaxConcurrentRequests</c> and <c>Shop:QueueLimit</c> live.</summary>
internal sealed class RequestGate : IGaugeSource, IDisposable
{
    private readonly IDisposable? _subscription;

    public RequestGate(IOptionsMonitor<ShopOptions> options)
    {
        Gate = new AdjustableGate(() => options.CurrentValue.MaxConcurrentRequests, () => options.CurrentValue.QueueLimit);
        _subscription = options.OnChange(_ => Gate.Adjust());
    }

    public AdjustableGate Gate { get; }

    public IEnumerable<Gauge> Gauges() =>
    [
        new("shop_limiter_in_use", "Requests holding a limiter slot.", Gauge.NoLabels, Gate.InUse),
        new("shop_limiter_queued", "Requests waiting for a limiter slot.", Gauge.NoLabels, Gate.Queued),
    ];

    public void Dispose() => _subscription?.Dispose();
}
