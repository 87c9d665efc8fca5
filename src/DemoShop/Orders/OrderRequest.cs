namespace DemoShop.Orders;

/// <summary>Body of <c>POST /orders</c>.</summary>
internal sealed class OrderRequest
{
    public int? ProductId { get; set; }

    public int? Quantity { get; set; }

    public string? UserId { get; set; }
}
