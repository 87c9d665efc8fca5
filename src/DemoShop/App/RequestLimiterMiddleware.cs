using Microsoft.Extensions.Options;

namespace DemoShop.App;

/// <summary>
/// Concurrency limit, queue, simulated work and request timeout of the business endpoints: the queueing, 503s and
/// 504s a drill sees come from here, never from a canned error.
/// </summary>
internal sealed class RequestLimiterMiddleware(
    RequestDelegate next, RequestGate gate, IOptionsMonitor<ShopOptions> options, TimeProvider timeProvider, Metrics.ShopMetrics metrics)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ShopWorkload>() is null)
        {
            await next(http);
            return;
        }

        var settings = options.CurrentValue;
        var aborted = http.RequestAborted;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(settings.RequestTimeoutMilliseconds), timeProvider);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted, timeout.Token);
        http.RequestAborted = deadline.Token;
        try
        {
            if (!await gate.Gate.WaitAsync(deadline.Token))
            {
                metrics.CountRejected();
                await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "server busy: request queue is full");
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.CurrentValue.WorkMilliseconds), timeProvider, deadline.Token);
                CpuWork.Burn(options.CurrentValue.CpuWorkMilliseconds);
                await next(http);
            }
            finally
            {
                gate.Gate.Release();
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            metrics.CountTimedOut();
            if (!http.Response.HasStarted)
            {
                await WriteAsync(http, StatusCodes.Status504GatewayTimeout, "request timed out waiting for the server");
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer, and it is not a server error.
        }
        finally
        {
            http.RequestAborted = aborted;
        }
    }

    private static Task WriteAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsync(message, CancellationToken.None);
    }
}
