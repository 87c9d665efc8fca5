using Microsoft.Extensions.Options;

namespace DemoShop.Lb;

/// <summary>
/// Polls every backend's <c>/health</c> each <c>Shop:HealthIntervalMilliseconds</c>. The first round runs before
/// the LB accepts traffic, so it does not answer 503 for its first interval.
/// </summary>
internal sealed class HealthChecker(
    BackendPool pool, IHttpClientFactory clients, IOptions<ShopOptions> options, TimeProvider timeProvider) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAllAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.HealthIntervalMilliseconds));
        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckAllAsync(stoppingToken);
        }
    }

    private async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        await pool.RefreshAsync(cancellationToken);
        await Task.WhenAll(pool.All.Select(b => CheckAsync(b, cancellationToken)));
    }

    private async Task CheckAsync(Backend backend, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ShopConstants.HealthCheckTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await clients.CreateClient(ShopConstants.HealthClient)
                .GetAsync(new Uri(backend.BaseAddress, "health"), linked.Token);
            if (response.IsSuccessStatusCode)
            {
                backend.MarkHealthy(timeProvider.GetUtcNow());
            }
            else
            {
                backend.RecordFailedCheck($"health answered {(int)response.StatusCode}", timeProvider.GetUtcNow());
            }
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            backend.MarkUnhealthy(ex.Message, timeProvider.GetUtcNow());
        }
        catch (HttpRequestException ex)
        {
            backend.RecordFailedCheck(ex.Message, timeProvider.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            backend.RecordFailedCheck("health check timed out", timeProvider.GetUtcNow());
        }
    }
}
