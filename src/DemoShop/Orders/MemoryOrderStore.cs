using System.Collections.Concurrent;

namespace DemoShop.Orders;

/// <summary>Orders kept in this process only: a kill loses them, which is the point of this setting.</summary>
internal sealed class MemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    public Task<string> SaveAsync(Order order, CancellationToken cancellationToken)
    {
        _orders[order.Id] = order;
        return Task.FromResult("process-memory");
    }

    public Task<Order?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(id));
}
