namespace DemoShop.Hosting;

/// <summary>Stamps every response with <c>X-Shop-Instance</c>, unless a proxied backend already did.</summary>
internal sealed class InstanceHeaderMiddleware(RequestDelegate next, ShopInstance instance)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.TryAdd(ShopConstants.InstanceHeader, instance.Name);
            return Task.CompletedTask;
        });
        return next(http);
    }
}
