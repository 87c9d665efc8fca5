namespace DemoShop.Metrics;

/// <summary>Counts every request by route template and status, and times it.</summary>
internal sealed class MetricsMiddleware(RequestDelegate next, ShopMetrics metrics, TimeProvider timeProvider)
{
    // nginx's convention for a request the client abandoned before the answer.
    private const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext http)
    {
        var started = timeProvider.GetTimestamp();
        metrics.RequestStarted();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.RequestAborted.IsCancellationRequested ? ClientClosedRequest : http.Response.StatusCode;
        }
        finally
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.RequestFinished(route, http.Request.Method, status, timeProvider.GetElapsedTime(started));
        }
    }
}
