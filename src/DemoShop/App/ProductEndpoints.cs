namespace DemoShop.App;

internal static class ProductEndpoints
{
    public static void MapProducts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/products").WithMetadata(ShopWorkload.Instance);
        group.MapGet("/", () => Catalog.Products);
        group.MapGet("/{id:int}", (int id) => Catalog.Find(id) is { } product ? Results.Ok(product) : Results.NotFound());
    }
}
