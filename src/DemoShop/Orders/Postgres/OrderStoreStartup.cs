using Microsoft.Extensions.Options;

namespace DemoShop.Orders.Postgres;

/// <summary>
/// Creates the orders table at start when the store is <c>postgres</c>. A database that is not up yet does not stop
/// the instance (it starts, answers 503 for orders, and creates the table on the first request that reaches one).
/// </summary>
internal sealed partial class OrderStoreStartup(IOptionsMonitor<ShopOptions> options, PostgresOrderStore store, ILogger<OrderStoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(options.CurrentValue.OrderStore, ShopConstants.PostgresStore, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            await store.EnsureSchemaAsync(cancellationToken);
        }
        catch (OrderStoreUnavailableException ex)
        {
            LogNotReady(logger, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orders table not created at start ({Reason}); retried on the first order request.")]
    private static partial void LogNotReady(ILogger logger, string reason);
}
