using DemoShop.App;
using DemoShop.Metrics;
using DemoShop.Orders.Postgres;
using Microsoft.Extensions.Options;

namespace DemoShop.Orders;

/// <summary>
/// The store as the endpoints see it: a connection pool of <c>Shop:OrderStorePoolSize</c> (waiting for a connection
/// counts toward the request timeout), a simulated query of <c>Shop:WorkMilliseconds</c> while holding it, and the
/// store chosen by <c>Shop:OrderStore</c> at the time of the call.
/// </summary>
internal sealed class OrderStoreGateway : IGaugeSource, IDisposable
{
    private readonly IOptionsMonitor<ShopOptions> _options;
    private readonly MemoryOrderStore _memory;
    private readonly FileOrderStore _file;
    private readonly PostgresOrderStore _postgres;
    private readonly TimeProvider _timeProvider;
    private readonly ShopMetrics _metrics;
    private readonly IDisposable? _subscription;

    public OrderStoreGateway(
        IOptionsMonitor<ShopOptions> options,
        MemoryOrderStore memory,
        FileOrderStore file,
        PostgresOrderStore postgres,
        TimeProvider timeProvider,
        ShopMetrics metrics)
    {
        _options = options;
        _memory = memory;
        _file = file;
        _postgres = postgres;
        _timeProvider = timeProvider;
        _metrics = metrics;
        Pool = new AdjustableGate(() => options.CurrentValue.OrderStorePoolSize, () => int.MaxValue);
        _subscription = options.OnChange(_ => Pool.Adjust());
    }

    public AdjustableGate Pool { get; }

    public async Task SaveAsync(Order order, CancellationToken cancellationToken)
    {
        var store = _options.CurrentValue.OrderStore;
        var durability = "";
        await UsingConnectionAsync(async () => durability = await Pick(store).SaveAsync(order, cancellationToken), cancellationToken);
        _metrics.CountOrderWrite(store, durability);
    }

    public async Task<Order?> FindAsync(string id, CancellationToken cancellationToken)
    {
        Order? order = null;
        await UsingConnectionAsync(async () => order = await Pick(_options.CurrentValue.OrderStore).FindAsync(id, cancellationToken), cancellationToken);
        return order;
    }

    public IEnumerable<Gauge> Gauges() =>
    [
        new("shop_store_pool_in_use", "Order store connections in use.", Gauge.NoLabels, Pool.InUse),
        new("shop_store_pool_waiting", "Requests waiting for an order store connection.", Gauge.NoLabels, Pool.Queued),
    ];

    public void Dispose() => _subscription?.Dispose();

    private IOrderStore Pick(string store) => store.ToLowerInvariant() switch
    {
        ShopConstants.FileStore => _file,
        ShopConstants.PostgresStore => _postgres,
        _ => _memory,
    };

    private async Task UsingConnectionAsync(Func<Task> query, CancellationToken cancellationToken)
    {
        await Pool.WaitAsync(cancellationToken);
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_options.CurrentValue.WorkMilliseconds), _timeProvider, cancellationToken);
            await query();
        }
        finally
        {
            Pool.Release();
        }
    }
}
