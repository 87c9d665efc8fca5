using DrillRunner.Journal;
using DrillRunner.Timeline;
using Npgsql;

namespace DrillRunner.PostgreSql;

/// <summary>
/// The shared journal: the same tables as the SQLite one in schema <c>drillrunner</c>. Every call is one
/// auto-committed statement with <c>synchronous_commit=on</c>, so it is durable (WAL flushed) when it returns, and an
/// undo record is on disk before its fault is injected. Times are kept to the microsecond (PostgreSQL's precision).
/// </summary>
internal sealed class PostgreSqlJournalStore : IJournalStore
{
    private const string RunSelect = "SELECT id, drill, environment, driver, trigger, drill_file, environment_file, status, started_at, ended_at, verdict, score FROM drillrunner.runs";
    private readonly NpgsqlDataSource _data;

    private PostgreSqlJournalStore(NpgsqlDataSource data) => _data = data;

    /// <summary>Creates or completes the schema (idempotent, safe when several runners start at once).</summary>
    public static PostgreSqlJournalStore Open(NpgsqlDataSource data)
    {
        using var connection = data.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var command = new NpgsqlCommand(PostgreSqlSchema.Migrate, connection, transaction))
        {
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return new PostgreSqlJournalStore(data);
    }

    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken) =>
        WriteAsync(
            // A run recorded as Queued (waiting for its environment) becomes the real run when it starts.
            "INSERT INTO drillrunner.runs (id, drill, environment, driver, trigger, drill_file, environment_file, status, started_at) VALUES (@id, @drill, @env, @driver, @trigger, @df, @ef, @status, @at) "
            + "ON CONFLICT (id) DO UPDATE SET driver = excluded.driver, status = excluded.status, started_at = excluded.started_at WHERE runs.status = 'Queued'",
            cancellationToken,
            ("id", run.Id), ("drill", run.Drill), ("env", run.Environment), ("driver", run.Driver), ("trigger", run.Trigger),
            ("df", run.DrillFile), ("ef", run.EnvironmentFile), ("status", run.Status.ToString()), ("at", Utc(run.StartedAt)));

    public Task AppendEventAsync(string runId, TimelineEvent item, CancellationToken cancellationToken) =>
        WriteAsync(
            "INSERT INTO drillrunner.events (run_id, at, kind, message, step) VALUES (@run, @at, @kind, @message, @step::text)",
            cancellationToken,
            ("run", runId), ("at", Utc(item.At)), ("kind", item.Kind), ("message", item.Message), ("step", item.Step));

    public async Task<long> AddUndoAsync(string runId, string step, UndoRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "INSERT INTO drillrunner.undo (run_id, step, kind, target, payload, status, created_at) VALUES (@run, @step, @kind, @target, @payload, 'Pending', @at) RETURNING id",
            ("run", runId), ("step", step), ("kind", record.Kind), ("target", record.Target), ("payload", record.Payload), ("at", Utc(at)));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task SetUndoStatusAsync(long entryId, UndoStatus status, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        var column = status switch
        {
            UndoStatus.Active => "injected_at",
            UndoStatus.Reverted => "reverted_at",
            _ => null,
        };
        return column is null
            ? WriteAsync(
                "UPDATE drillrunner.undo SET status = @status, detail = COALESCE(@detail::text, detail) WHERE id = @id",
                cancellationToken, ("status", status.ToString()), ("detail", detail), ("id", entryId))
            : WriteAsync(
                $"UPDATE drillrunner.undo SET status = @status, {column} = @at, detail = COALESCE(@detail::text, detail) WHERE id = @id",
                cancellationToken, ("status", status.ToString()), ("at", Utc(at)), ("detail", detail), ("id", entryId));
    }

    public Task<IReadOnlyList<UndoEntry>> GetUndoEntriesAsync(string runId, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id, run_id, step, kind, target, payload, status, created_at, injected_at, reverted_at, detail FROM drillrunner.undo WHERE run_id = @run ORDER BY id",
            r => new UndoEntry(
                r.GetInt64(0), r.GetString(1), r.GetString(2), new UndoRecord(r.GetString(3), r.GetString(4), r.GetString(5)),
                Enum.Parse<UndoStatus>(r.GetString(6)), Time(r, 7), TimeOrNull(r, 8), TimeOrNull(r, 9), TextOrNull(r, 10)),
            cancellationToken,
            ("run", runId));

    public Task<IReadOnlyList<TimelineEvent>> GetEventsAsync(string runId, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT at, kind, message, step FROM drillrunner.events WHERE run_id = @run ORDER BY id",
            r => new TimelineEvent(Time(r, 0), r.GetString(1), r.GetString(2), TextOrNull(r, 3)),
            cancellationToken,
            ("run", runId));

    public Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset at, string? verdict, double? score, string? resultJson, CancellationToken cancellationToken) =>
        WriteAsync(
            "UPDATE drillrunner.runs SET status = @status, ended_at = @at, verdict = @verdict::text, score = @score::double precision, result_json = COALESCE(@json::text, result_json) WHERE id = @id",
            cancellationToken,
            ("status", status.ToString()), ("at", Utc(at)), ("verdict", verdict), ("score", score), ("json", resultJson), ("id", runId));

    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(RunSelect + " WHERE id = @id", ReadRun, cancellationToken, ("id", runId));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string?> GetResultJsonAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("SELECT result_json FROM drillrunner.runs WHERE id = @id", r => TextOrNull(r, 0), cancellationToken, ("id", runId));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<RunRecord>> FindRunsAsync(RunQuery query, CancellationToken cancellationToken) =>
        QueryAsync(
            RunSelect + " WHERE (@drill::text IS NULL OR drill = @drill::text) AND (@status::text IS NULL OR status = @status::text) AND (@env::text IS NULL OR environment = @env::text) ORDER BY started_at DESC, id DESC LIMIT @limit",
            ReadRun,
            cancellationToken,
            ("drill", query.Drill), ("status", query.Status?.ToString()), ("env", query.Environment), ("limit", Math.Clamp(query.Limit, 1, 10_000)));

    private static RunRecord ReadRun(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        Enum.Parse<RunStatus>(r.GetString(7)), Time(r, 8), TimeOrNull(r, 9), TextOrNull(r, 10), r.IsDBNull(11) ? null : r.GetDouble(11));

    private async Task WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(read(reader));
        }

        return result;
    }

    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
#pragma warning disable CA2100 // SQL is a constant of this class; values are parameters.
        var command = _data.CreateCommand(sql);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    // Npgsql writes timestamptz only from UTC values.
    private static DateTimeOffset Utc(DateTimeOffset at) => at.ToUniversalTime();

    private static DateTimeOffset Time(NpgsqlDataReader r, int ordinal) => r.GetFieldValue<DateTimeOffset>(ordinal);

    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : Time(r, ordinal);

    private static string? TextOrNull(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
