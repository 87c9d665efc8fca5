using Npgsql;

namespace DrillRunner.PostgreSql;

/// <summary>Says which server and database a connection string names, never its password.</summary>
internal static class PostgreSqlTarget
{
    public static string Describe(string connectionString)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        return $"database '{parsed.Database ?? parsed.Username ?? "(default)"}' on {parsed.Host ?? "localhost"}:{parsed.Port} as user '{parsed.Username ?? "(default)"}'";
    }

    /// <summary>Null when the server answers; otherwise one line naming host and database and the reason.</summary>
    public static string? Check(string connectionString, TimeSpan timeout)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            return $"DrillRunner:PostgreSql:ConnectionString is not a valid connection string: {ex.Message}";
        }

        parsed.Timeout = Math.Max(1, (int)timeout.TotalSeconds);
        parsed.Pooling = false;
        try
        {
            using var connection = new NpgsqlConnection(parsed.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            return $"cannot connect to PostgreSQL {Describe(connectionString)}: {Reason(ex)}";
        }
    }

    // The innermost message says what went wrong (refused, unknown host, authentication); Npgsql never puts the password in it.
    private static string Reason(Exception ex)
    {
        var reason = ex is Npgsql.PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            reason = inner is Npgsql.PostgresException ipg ? $"{ipg.SqlState}: {ipg.MessageText}" : inner.Message;
        }

        return reason.ReplaceLineEndings(" ");
    }
}
