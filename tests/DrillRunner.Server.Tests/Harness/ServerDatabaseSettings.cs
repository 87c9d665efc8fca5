namespace DrillRunner.Server.Tests.Harness;

internal static class ServerDatabaseSettings
{
    extension(TestDatabase database)
    {
        /// <summary>Settings that put a test server on this database.</summary>
        public IReadOnlyDictionary<string, string?> ServerSettings => new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DrillRunner:Storage"] = "PostgreSql",
            ["DrillRunner:PostgreSql:ConnectionString"] = database.ConnectionString,
        };
    }
}
