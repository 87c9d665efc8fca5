using System.Globalization;
using DrillRunner.Timeline;
using Microsoft.Data.Sqlite;

namespace DrillRunner.Journal.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file, WAL mode, <c>synchronous=FULL</c> so each committed write is
/// fsync'd before the call returns. Safe to share between runner processes on one machine.
/// </summary>
public sealed class SqliteJournalStore : IJournalStore
{
    private readonly string _connectionString;

    public SqliteJournalStore(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, SqliteSchema.Create);
    }

    public string Path { get; }

    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken) =>
        WriteAsync(
            // A run recorded as Queued (waiting for its environment) becomes the real run when it starts.
            "INSERT INTO runs (id, drill, environment, driver, trigger, drill_file, environment_file, status, started_at) VALUES ($id, $drill, $env, $driver, $trigger, $df, $ef, $status, $at) "
            + "ON CONFLICT (id) DO UPDATE SET driver = excluded.driver, status = excluded.status, started_at = excluded.started_at WHERE runs.status = 'Queued'",
            cancellationToken,
            ("$id", run.Id), ("$drill", run.Drill), ("$env", run.Environment), ("$driver", run.Driver), ("$trigger", run.Trigger),
            ("$df", run.DrillFile), ("$ef", run.EnvironmentFile), ("$status", run.Status.ToString()), ("$at", Format(run.StartedAt)));

    public Task AppendEventAsync(string runId, TimelineEvent item, CancellationToken cancellationToken) =>
        WriteAsync(
            "INSERT INTO events (run_id, at, kind, message, step) VALUES ($run, $at, $kind, $message, $step)",
            cancellationToken,
            ("$run", runId), ("$at", Format(item.At)), ("$kind", item.Kind), ("$message", item.Message), ("$step", item.Step));

    public async Task<long> AddUndoAsync(string runId, string step, UndoRecord record, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(
            connection,
            "INSERT INTO undo (run_id, step, kind, target, payload, status, created_at) VALUES ($run, $step, $kind, $target, $payload, 'Pending', $at); SELECT last_insert_rowid();",
            ("$run", runId), ("$step", step), ("$kind", record.Kind), ("$target", record.Target), ("$payload", record.Payload), ("$at", Format(at)));
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
        var sql = column is null
            ? "UPDATE undo SET status = $status, detail = COALESCE($detail, detail) WHERE id = $id"
            : $"UPDATE undo SET status = $status, {column} = $at, detail = COALESCE($detail, detail) WHERE id = $id";
        return WriteAsync(sql, cancellationToken, ("$status", status.ToString()), ("$at", Format(at)), ("$detail", detail), ("$id", entryId));
    }

    public async Task<IReadOnlyList<UndoEntry>> GetUndoEntriesAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT id, run_id, step, kind, target, payload, status, created_at, injected_at, reverted_at, detail FROM undo WHERE run_id = $run ORDER BY id",
            r => new UndoEntry(
                r.GetInt64(0), r.GetString(1), r.GetString(2), new UndoRecord(r.GetString(3), r.GetString(4), r.GetString(5)),
                Enum.Parse<UndoStatus>(r.GetString(6)), Parse(r.GetString(7)), ParseOrNull(r, 8), ParseOrNull(r, 9), r.IsDBNull(10) ? null : r.GetString(10)),
            cancellationToken,
            ("$run", runId));
        return rows;
    }

    public Task<IReadOnlyList<TimelineEvent>> GetEventsAsync(string runId, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT at, kind, message, step FROM events WHERE run_id = $run ORDER BY id",
            r => new TimelineEvent(Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken,
            ("$run", runId));

    public Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset at, string? verdict, double? score, string? resultJson, CancellationToken cancellationToken) =>
        WriteAsync(
            "UPDATE runs SET status = $status, ended_at = $at, verdict = $verdict, score = $score, result_json = COALESCE($json, result_json) WHERE id = $id",
            cancellationToken,
            ("$status", status.ToString()), ("$at", Format(at)), ("$verdict", verdict), ("$score", score), ("$json", resultJson), ("$id", runId));

    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(RunSelect + " WHERE id = $id", ReadRun, cancellationToken, ("$id", runId));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string?> GetResultJsonAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("SELECT result_json FROM runs WHERE id = $id", r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken, ("$id", runId));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<RunRecord>> FindRunsAsync(RunQuery query, CancellationToken cancellationToken) =>
        QueryAsync(
            RunSelect + " WHERE ($drill IS NULL OR drill = $drill) AND ($status IS NULL OR status = $status) AND ($env IS NULL OR environment = $env) ORDER BY started_at DESC LIMIT $limit",
            ReadRun,
            cancellationToken,
            ("$drill", query.Drill), ("$status", query.Status?.ToString()), ("$env", query.Environment), ("$limit", Math.Clamp(query.Limit, 1, 10_000)));

    private const string RunSelect = "SELECT id, drill, environment, driver, trigger, drill_file, environment_file, status, started_at, ended_at, verdict, score FROM runs";

    private static RunRecord ReadRun(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        Enum.Parse<RunStatus>(r.GetString(7)), Parse(r.GetString(8)), ParseOrNull(r, 9),
        r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetDouble(11));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;");
        return connection;
    }

    private async Task WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(read(reader));
        }

        return result;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL is a constant of this class; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset? ParseOrNull(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : Parse(r.GetString(ordinal));
}
