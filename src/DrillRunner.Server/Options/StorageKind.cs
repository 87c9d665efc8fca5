namespace DrillRunner.Options;

/// <summary>Where <c>drill serve</c> keeps jobs, runs and locks (<c>DrillRunner:Storage</c>).</summary>
public enum StorageKind
{
    /// <summary>One runner: Hangfire in memory, the SQLite journal and file locks in the state folder.</summary>
    InMemory,

    /// <summary>Several runners sharing one PostgreSQL database: jobs, schedules, runs and environment locks.</summary>
    PostgreSql,
}
