using DemoShop.Metrics;
using Microsoft.Extensions.Options;

namespace DemoShop.App;

/// <summary>The instance-wide request limiter, following <c>Shop:MaxConcurrentRequests</c> and <c>Shop:QueueLimit</c> live.</summary>
internal sealed partial class RequestGate : IGaugeSource, IDisposable
{
    private readonly IDisposable? _subscription;

    private readonly IOptionsMonitor<ShopOptions> _options;

    public RequestGate(IOptionsMonitor<ShopOptions> options, ILogger<RequestGate> log)
    {
        _options = options;
        if (options.CurrentValue is { } o && o.MaxConcurrentRequests < o.MinConcurrentRequests)
        {
            LogFloor(log, o.MaxConcurrentRequests, o.MinConcurrentRequests);
        }

        Gate = new AdjustableGate(() => options.CurrentValue.EffectiveConcurrencyLimit, () => options.CurrentValue.QueueLimit);
        _subscription = options.OnChange(_ => Gate.Adjust());
    }

    public AdjustableGate Gate { get; }

    public IEnumerable<Gauge> Gauges() =>
    [
        new("shop_limiter_in_use", "Requests holding a limiter slot.", Gauge.NoLabels, Gate.InUse),
        new("shop_limiter_queued", "Requests waiting for a limiter slot.", Gauge.NoLabels, Gate.Queued),
        new("shop_limiter_limit", "Requests the limiter lets in at once (Shop:MaxConcurrentRequests, at least Shop:MinConcurrentRequests).", Gauge.NoLabels, _options.CurrentValue.EffectiveConcurrencyLimit),
        new("shop_limiter_floored", "1 when Shop:MaxConcurrentRequests is below the reviewed floor Shop:MinConcurrentRequests and the floor is in force.", Gauge.NoLabels,
            _options.CurrentValue.MaxConcurrentRequests < _options.CurrentValue.MinConcurrentRequests ? 1 : 0),
    ];

    public void Dispose() => _subscription?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop:MaxConcurrentRequests {Asked} is below the reviewed floor Shop:MinConcurrentRequests {Floor}: running with {Floor}")]
    private static partial void LogFloor(ILogger log, int asked, int floor);
}
