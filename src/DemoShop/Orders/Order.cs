namespace DemoShop.Orders;

internal sealed record Order(
    string Id,
    int ProductId,
    string ProductName,
    int Quantity,
    decimal UnitPrice,
    decimal Total,
    string UserId,
    DateTimeOffset CreatedAt,
    string Instance);
