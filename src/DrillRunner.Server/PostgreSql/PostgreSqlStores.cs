using DrillRunner.Engine.Halt;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using Npgsql;

namespace DrillRunner.PostgreSql;

/// <summary>
/// The journal and the environment lock of runners sharing one PostgreSQL database. Locks get their own unpooled
/// connections: a pooled one would go back to the pool still holding its session's advisory locks.
/// </summary>
internal sealed class PostgreSqlStores : IAsyncDisposable
{
    private readonly NpgsqlDataSource _pooled;
    private readonly NpgsqlDataSource _unpooled;

    public PostgreSqlStores(string connectionString, TimeProvider? time = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // The journal's promise: a call returns only once its commit is flushed (whatever the server's default).
        builder.Options = string.Join(' ', new[] { builder.Options, "-c synchronous_commit=on" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        builder.ApplicationName ??= "drillrunner";
        _pooled = NpgsqlDataSource.Create(builder.ConnectionString);
        builder.Pooling = false;

        // A lock's session must notice a vanished server rather than believe it still holds the environment.
        builder.KeepAlive = builder.KeepAlive == 0 ? 30 : builder.KeepAlive;
        _unpooled = NpgsqlDataSource.Create(builder.ConnectionString);
        Journal = PostgreSqlJournalStore.Open(_pooled);
        Lock = new AdvisoryEnvironmentLock(_unpooled);
        using (var safety = _pooled.CreateCommand(SafetySchema.Migrate))
        {
            safety.ExecuteNonQuery();
        }

        Halt = new PostgreSqlHaltSwitch(_pooled, time ?? TimeProvider.System);
        Requests = new SharedRunRequests(_pooled);
    }

    public IJournalStore Journal { get; }

    public IEnvironmentLock Lock { get; }

    /// <summary>The halt-all switch every runner of the database obeys.</summary>
    public IHaltSwitch Halt { get; }

    public SharedRunRequests Requests { get; }

    public async ValueTask DisposeAsync()
    {
        await _pooled.DisposeAsync();
        await _unpooled.DisposeAsync();
    }
}
