namespace DemoShop.Lb;

/// <summary>
/// Forwards a request to a healthy backend. A connection failure happens before anything was sent, so the request
/// (even a POST) is retried once on the next backend and the failed one is taken out of rotation.
/// </summary>
internal sealed class ReverseProxy(BackendPool pool, IHttpClientFactory clients, TimeProvider timeProvider)
{
    public async Task ForwardAsync(HttpContext http)
    {
        var body = await RequestBody.ReadAsync(http.Request, ShopConstants.MaxForwardedBodyBytes, http.RequestAborted);
        var client = clients.CreateClient(ShopConstants.BackendClient);
        Backend? failed = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (pool.Next(except: failed) is not { } backend)
            {
                await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "no healthy backend");
                return;
            }

            using var request = ProxyMessages.CreateRequest(http.Request, backend.BaseAddress, body);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
                backend.CountForwarded();
                await ProxyMessages.CopyResponseAsync(response, http.Response, http.RequestAborted);
                return;
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
            {
                backend.MarkUnhealthy($"connect failed: {ex.Message}", timeProvider.GetUtcNow());
                failed = backend;
            }
            catch (HttpRequestException ex)
            {
                await WriteAsync(http, StatusCodes.Status502BadGateway, $"backend {backend.BaseAddress} failed: {ex.HttpRequestError}");
                return;
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                await WriteAsync(http, StatusCodes.Status504GatewayTimeout, $"backend {backend.BaseAddress} timed out");
                return;
            }
        }

        await WriteAsync(http, StatusCodes.Status502BadGateway, "backends refused the connection");
    }

    private static Task WriteAsync(HttpContext http, int status, string message)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return Task.CompletedTask;
        }

        http.Response.StatusCode = status;
        return http.Response.WriteAsync(message, CancellationToken.None);
    }
}
