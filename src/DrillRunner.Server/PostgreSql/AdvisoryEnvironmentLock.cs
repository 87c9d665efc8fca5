using DrillRunner.Engine.Locks;
using Npgsql;

namespace DrillRunner.PostgreSql;

/// <summary>
/// One run per environment across runners: a session-level <c>pg_try_advisory_lock</c> on the environment's key,
/// held by a dedicated, unpooled connection for the whole run. Disposing unlocks and closes it; when the runner dies
/// its session ends and PostgreSQL releases the lock, so a dead runner never leaves an environment locked.
/// </summary>
internal sealed class AdvisoryEnvironmentLock(NpgsqlDataSource unpooled) : IEnvironmentLock
{
    public async Task<IAsyncDisposable> AcquireAsync(string environment, string runId, CancellationToken cancellationToken)
    {
        var key = EnvironmentLockKey.For(environment);
        var connection = await unpooled.OpenConnectionAsync(cancellationToken);
        try
        {
            // Named for the holder, so a runner turned away can say who has the environment.
            await using (var name = new NpgsqlCommand($"SELECT set_config('application_name', @name, false)", connection))
            {
                name.Parameters.AddWithValue("name", Truncate($"drillrunner run {runId} on {environment}"));
                await name.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", key);
            if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
            {
                return new Held(connection, key);
            }

            var holder = await HolderAsync(connection, key, cancellationToken);
            throw new EnvironmentBusyException($"environment '{environment}' is busy: {holder ?? "another runner"} holds its PostgreSQL advisory lock");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<string?> HolderAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        // A bigint advisory key shows in pg_locks as classid (high 32 bits), objid (low 32 bits), objsubid 1.
        await using var command = new NpgsqlCommand(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid::bigint = @high AND l.objid::bigint = @low "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1",
            connection);
        command.Parameters.AddWithValue("high", (key >> 32) & 0xFFFF_FFFF);
        command.Parameters.AddWithValue("low", key & 0xFFFF_FFFF);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    // PostgreSQL keeps 63 bytes of application_name.
    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60];

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", key);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The session is gone, and its locks with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
