namespace DemoShop.Orders;

internal interface IOrderStore
{
    Task SaveAsync(Order order, CancellationToken cancellationToken);

    Task<Order?> FindAsync(string id, CancellationToken cancellationToken);
}
