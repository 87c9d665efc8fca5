using DrillRunner.PostgreSql;
using Microsoft.Extensions.Options;

namespace DrillRunner.Options;

/// <summary>
/// With <c>Storage: PostgreSql</c>, start-up needs a connection string and a server that accepts it: a wrong host,
/// database or password stops the server with one line naming host and database (never the password).
/// </summary>
internal sealed class PostgreSqlReachableValidator : IValidateOptions<DrillServerOptions>
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public ValidateOptionsResult Validate(string? name, DrillServerOptions options)
    {
        if (options.Storage != StorageKind.PostgreSql)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.PostgreSql.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "DrillRunner:PostgreSql:ConnectionString is required when DrillRunner:Storage is PostgreSql "
                + "(e.g. Host=db;Port=5432;Username=drillrunner;Password=...;Database=drillrunner, or DrillRunner__PostgreSql__ConnectionString)");
        }

        return PostgreSqlTarget.Check(options.PostgreSql.ConnectionString, ConnectTimeout) is { } error
            ? ValidateOptionsResult.Fail(error)
            : ValidateOptionsResult.Success;
    }
}
