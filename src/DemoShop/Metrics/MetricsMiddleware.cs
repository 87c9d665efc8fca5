namespace DemoShop.Metrics;

/// <summary>Counts every request by route template and status, and times it.</summary>
internal sealed class MetricsMiddleware(RequestDelegate next, ShopMetrics metrics, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = timeProvider.GetTimestamp();
        metrics.RequestStarted();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        finally
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.RequestFinished(route, http.Request.Method, status, timeProvider.GetElapsedTime(started));
        }
    }
}
