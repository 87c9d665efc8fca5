using System.Text.Json;
using DemoShop.App;
using DemoShop.Hosting;

namespace DemoShop.Orders;

internal static class OrderEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/orders").WithMetadata(ShopWorkload.Instance);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id}", FindAsync);
    }

    private static async Task<IResult> FindAsync(string id, OrderStoreGateway store, HttpContext http)
    {
        try
        {
            return await store.FindAsync(id, http.RequestAborted) is { } order ? Results.Ok(order) : Results.NotFound();
        }
        catch (OrderStoreUnavailableException ex)
        {
            return Unavailable(ex);
        }
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, OrderStoreGateway store, ShopInstance instance, TimeProvider timeProvider)
    {
        OrderRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<OrderRequest>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Results.BadRequest(new { error = $"invalid JSON body: {ex.Message}" });
        }

        var userId = request?.UserId ?? http.Request.Headers[ShopConstants.UserHeader].ToString();
        if (Validate(request, userId) is { } error)
        {
            return Results.BadRequest(new { error });
        }

        var product = Catalog.Find(request!.ProductId!.Value)!;
        var quantity = request.Quantity!.Value;
        var order = new Order(
            OrderId.New(timeProvider),
            product.Id,
            product.Name,
            quantity,
            product.Price,
            product.Price * quantity,
            userId,
            timeProvider.GetUtcNow(),
            instance.Name);
        try
        {
            await store.SaveAsync(order, http.RequestAborted);
        }
        catch (OrderStoreUnavailableException ex)
        {
            // Not acknowledged: whether the commit happened is unknown to the client, which is the truth.
            return Unavailable(ex);
        }

        return Results.Created($"/orders/{order.Id}", order);
    }

    private static IResult Unavailable(OrderStoreUnavailableException ex) =>
        Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static string? Validate(OrderRequest? request, string userId) => request switch
    {
        null => "a JSON body is required: { \"productId\": 1, \"quantity\": 2, \"userId\": \"u17\" }.",
        { ProductId: null } => "productId is required.",
        { ProductId: { } id } when Catalog.Find(id) is null => $"productId {id} does not exist.",
        { Quantity: null or < 1 or > 100 } => "quantity must be between 1 and 100.",
        _ when string.IsNullOrWhiteSpace(userId) || userId.Length > 64 => "userId is required (1..64 characters).",
        _ => null,
    };
}
