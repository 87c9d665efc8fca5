using DrillRunner.Engine.Halt;
using Npgsql;

namespace DrillRunner.PostgreSql;

/// <summary>
/// The halt-all switch every runner on the database obeys: one row in <c>drillrunner.halt</c> while halted. The first
/// halt stays when several are sent (its time, author and reason); a release deletes the row.
/// </summary>
internal sealed class PostgreSqlHaltSwitch(NpgsqlDataSource data, TimeProvider time) : IHaltSwitch
{
    public async Task<HaltState?> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand("SELECT since, by_whom, reason FROM drillrunner.halt WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new HaltState(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), HaltState.Shared)
            : null;
    }

    public async Task<HaltState> HaltAsync(string by, string? reason, CancellationToken cancellationToken)
    {
        await using (var command = data.CreateCommand("INSERT INTO drillrunner.halt (id, since, by_whom, reason) VALUES (1, @since, @by, @reason) ON CONFLICT (id) DO NOTHING"))
        {
            command.Parameters.AddWithValue("since", time.GetUtcNow().ToUniversalTime());
            command.Parameters.AddWithValue("by", by);
            command.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(cancellationToken) ?? throw new InvalidOperationException("the halt row vanished as it was written");
    }

    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand("DELETE FROM drillrunner.halt WHERE id = 1");
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
