using Npgsql;

namespace DemoShop.Orders.Postgres;

/// <summary>The orders table, created when missing (several instances may race to create it: the loser is fine).</summary>
internal static class PostgresSchema
{
    public const string Table = "shop_orders";

    private const string Create = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            id           text PRIMARY KEY,
            product_id   integer NOT NULL,
            product_name text NOT NULL,
            quantity     integer NOT NULL,
            unit_price   numeric(12, 2) NOT NULL,
            total        numeric(12, 2) NOT NULL,
            user_id      text NOT NULL,
            created_at   timestamptz NOT NULL,
            instance     text NOT NULL)
        """;

    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(Create, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another instance created it between our check and our insert into the catalog.
        }
    }
}
