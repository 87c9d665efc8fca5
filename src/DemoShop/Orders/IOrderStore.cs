namespace DemoShop.Orders;

internal interface IOrderStore
{
    /// <summary>Stores the order durably as far as this store goes; returns how (the metrics' durability label).</summary>
    Task<string> SaveAsync(Order order, CancellationToken cancellationToken);

    Task<Order?> FindAsync(string id, CancellationToken cancellationToken);
}
