using Microsoft.Extensions.Options;
using Npgsql;

namespace DemoShop.Orders.Postgres;

/// <summary>
/// Orders in PostgreSQL. An order is acknowledged only after its transaction committed with the configured
/// <c>synchronous_commit</c> (set per transaction, so a live change applies to the next order). A failed command
/// throws <see cref="OrderStoreUnavailableException"/> (503) at once, never retried here: the write may or may not
/// have committed, and only the client can decide to send it again. Npgsql drops a connection the server closed and
/// opens the next one afresh (to the new primary, through a multi-host connection string or a proxy); see
/// <see cref="PostgresConnection"/> for the timeouts that keep a dead or hung server from holding requests.
/// </summary>
internal sealed class PostgresOrderStore(IOptionsMonitor<ShopOptions> options) : IOrderStore
{
    private const string Insert = $"""
        INSERT INTO {PostgresSchema.Table} (id, product_id, product_name, quantity, unit_price, total, user_id, created_at, instance)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        RETURNING current_setting('synchronous_commit')
        """;

    private const string Select = $"""
        SELECT id, product_id, product_name, quantity, unit_price, total, user_id, created_at, instance
        FROM {PostgresSchema.Table} WHERE id = $1
        """;

    private string? _connectionString;
    private volatile bool _schemaReady;

    public async Task<string> SaveAsync(Order order, CancellationToken cancellationToken)
    {
        var durability = await RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', $1, true)") { Parameters = { new() { Value = options.CurrentValue.PostgresSynchronousCommit } } },
                    Parameters(new NpgsqlBatchCommand(Insert), order),
                },
            };
            string setting;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                setting = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : "?";
            }

            await transaction.CommitAsync(cancellationToken);
            return setting;
        }, cancellationToken);
        return $"synchronous_commit={durability}";
    }

    public Task<Order?> FindAsync(string id, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand(Select, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }, cancellationToken);

    /// <summary>Creates the table when missing; at start-up, and again after a failure.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => RunAsync(_ => Task.FromResult(true), cancellationToken);

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        _connectionString ??= PostgresConnection.Build(options.CurrentValue.PostgresConnectionString);
        await using var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_schemaReady)
            {
                await PostgresSchema.EnsureAsync(connection, cancellationToken);
                _schemaReady = true;
            }

            return await work(connection);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The table went away (a database restored or recreated): create it again on the next request.
            _schemaReady = false;
            throw new OrderStoreUnavailableException($"order store: {ex.MessageText}", ex);
        }
        catch (NpgsqlException ex)
        {
            throw new OrderStoreUnavailableException($"order store: {Describe(ex)}", ex);
        }
    }

    private static string Describe(NpgsqlException ex) => ex switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        { InnerException: { } inner } => $"{ex.Message} ({inner.Message})",
        _ => ex.Message,
    };

    private static NpgsqlBatchCommand Parameters(NpgsqlBatchCommand command, Order order)
    {
        foreach (var value in new object[] { order.Id, order.ProductId, order.ProductName, order.Quantity, order.UnitPrice, order.Total, order.UserId, order.CreatedAt, order.Instance })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static Order Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.GetInt32(3),
        reader.GetDecimal(4),
        reader.GetDecimal(5),
        reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetString(8));
}
