using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.PostgreSql;
using DrillRunner.Testing;

namespace DrillRunner.Server.Tests.Journal;

/// <summary>A journal store of either kind on fresh storage; <see cref="Open"/> opens a second store on the same storage.</summary>
internal sealed class JournalUnderTest : IAsyncDisposable
{
    private readonly TempFolder? _folder;
    private readonly TestDatabase? _database;
    private readonly List<PostgreSqlStores> _stores = [];

    private JournalUnderTest(TempFolder? folder, TestDatabase? database)
    {
        _folder = folder;
        _database = database;
    }

    public IJournalStore Store { get; private set; } = null!;

    public static async Task<JournalUnderTest> CreateAsync(JournalKind kind)
    {
        var journal = kind == JournalKind.Sqlite
            ? new JournalUnderTest(new TempFolder(), null)
            : new JournalUnderTest(null, await TestPostgres.CreateDatabaseAsync());
        journal.Store = journal.Open();
        return journal;
    }

    /// <summary>A new store instance over the same file or database, as a restarted or second runner sees it.</summary>
    public IJournalStore Open()
    {
        if (_folder is not null)
        {
            return new SqliteJournalStore(Path.Combine(_folder.Path, "journal.db"));
        }

        var stores = new PostgreSqlStores(_database!.ConnectionString);
        _stores.Add(stores);
        return stores.Journal;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stores in _stores)
        {
            await stores.DisposeAsync();
        }

        _folder?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
