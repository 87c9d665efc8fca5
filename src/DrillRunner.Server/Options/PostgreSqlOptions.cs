namespace DrillRunner.Options;

/// <summary>The <c>DrillRunner:PostgreSql</c> section, used when <c>DrillRunner:Storage</c> is <c>PostgreSql</c>.</summary>
public sealed class PostgreSqlOptions
{
    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Port=5432;Username=drillrunner;Password=...;Database=drillrunner</c>
    /// (environment variable <c>DrillRunner__PostgreSql__ConnectionString</c>).
    /// </summary>
    public string? ConnectionString { get; set; }
}
