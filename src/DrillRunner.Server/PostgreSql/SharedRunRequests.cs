using DrillRunner.Timeline;
using Npgsql;

namespace DrillRunner.PostgreSql;

/// <summary>
/// Abort and ack requests for runs another runner executes: the runner that receives one stores it, the executing
/// runner picks it up (it polls every <see cref="Safety.RunRequestPump.Interval"/>), acts, and records the outcome.
/// </summary>
internal sealed class SharedRunRequests(NpgsqlDataSource data)
{
    public const string Abort = "abort";
    public const string Ack = "ack";

    public async Task<long> AddAsync(string runId, string kind, string who, string? detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand(
            "INSERT INTO drillrunner.run_requests (run_id, kind, who, detail, created_at) VALUES (@run, @kind, @who, @detail, @at) RETURNING id");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("who", who);
        command.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Requests not handled yet for the given runs, oldest first.</summary>
    public async Task<IReadOnlyList<StoredRunRequest>> OpenAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return [];
        }

        await using var command = data.CreateCommand(
            "SELECT id, run_id, kind, who, detail FROM drillrunner.run_requests WHERE handled_at IS NULL AND run_id = ANY(@runs) ORDER BY id");
        command.Parameters.AddWithValue("runs", runIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<StoredRunRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new StoredRunRequest(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return requests;
    }

    public async Task HandledAsync(long id, string by, string outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand("UPDATE drillrunner.run_requests SET handled_at = @at, handled_by = @by, outcome = @outcome WHERE id = @id");
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("by", by);
        command.Parameters.AddWithValue("outcome", outcome);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The outcome of a request once the executing runner handled it, else null.</summary>
    public async Task<string?> OutcomeAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand("SELECT outcome FROM drillrunner.run_requests WHERE id = @id AND handled_at IS NOT NULL");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// Cancels a run no runner has started: Queued becomes Aborted in one statement, so a runner picking it up at the
    /// same moment sees it is no longer queued. False when it had started (or ended) already.
    /// </summary>
    public async Task<bool> CancelQueuedAsync(string runId, string who, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = data.CreateCommand(
            "WITH cancelled AS (UPDATE drillrunner.runs SET status = 'Aborted', ended_at = @at WHERE id = @id AND status = 'Queued' RETURNING id) "
            + "INSERT INTO drillrunner.events (run_id, at, kind, message) SELECT id, @at, @kind, @message FROM cancelled");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("kind", EventKinds.Abort);
        command.Parameters.AddWithValue("message", $"cancelled while queued by {who}");
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}

/// <summary>One stored request: what, for which run, from whom.</summary>
internal sealed record StoredRunRequest(long Id, string RunId, string Kind, string Who, string? Detail);
