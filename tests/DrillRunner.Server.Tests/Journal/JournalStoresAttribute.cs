using System.Reflection;
using Xunit.Sdk;

namespace DrillRunner.Server.Tests.Journal;

/// <summary>Runs a journal contract test against the SQLite store.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteJournalAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[JournalKind.Sqlite]];
}

/// <summary>Runs a journal contract test against PostgreSQL; skipped (outside CI) when no server answers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlJournalAttribute : DataAttribute
{
    public PostgreSqlJournalAttribute()
    {
        if (PostgresFactAttribute.IsSkipped)
        {
            Skip = PostgresFactAttribute.SkipReason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[JournalKind.PostgreSql]];
}

public enum JournalKind
{
    Sqlite,
    PostgreSql,
}
