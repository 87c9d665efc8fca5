using System.Data.Common;
using Npgsql;

namespace DemoShop.Orders.Postgres;

/// <summary>
/// The store's connection string: the configured one, with settings for a quick failover where it leaves them out.
/// Npgsql's defaults suit a database that never moves: 15 s to connect, 30 s per command, 2 s to cancel, and a
/// multi-host data source that remembers a host's role (primary/standby/down) for 10 s, so after a promotion it
/// would keep skipping the new primary for up to 10 s.
/// </summary>
internal static class PostgresConnection
{
    private static readonly (string Key, string Value)[] FailoverDefaults =
    [
        // Connect: a hung host (a paused primary accepts TCP and never answers) is given up on, and marked offline,
        // within 1 s: under the shop's 2 s request timeout, so the request can still reach the next host.
        ("Timeout", "1"),
        ("Command Timeout", "2"),         // a hung server fails the command instead of holding the connection
        ("Cancellation Timeout", "500"),  // a cancel sent to an unreachable server gives up quickly
        ("Host Recheck Seconds", "1"),    // multi-host: a promoted replica is tried as primary within 1 s
        ("Application Name", "demoshop"),
    ];

    /// <summary>The connection string to use, or why the setting cannot be used.</summary>
    public static string Build(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new OrderStoreUnavailableException("Shop:PostgresConnectionString is not set (Shop:OrderStore is postgres)");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException ex)
        {
            throw new OrderStoreUnavailableException($"Shop:PostgresConnectionString is not a valid connection string: {ex.Message}");
        }

        var given = Keys(configured);
        foreach (var (key, value) in FailoverDefaults.Where(d => !given.Contains(Normalize(d.Key))))
        {
            builder[key] = value;
        }

        return builder.ConnectionString;
    }

    // Npgsql accepts "Command Timeout", "CommandTimeout" and "commandtimeout" alike.
    private static HashSet<string> Keys(string connectionString)
    {
        var plain = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return plain.Keys.Cast<string>().Select(Normalize).ToHashSet(StringComparer.Ordinal);
    }

    private static string Normalize(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
