using Xunit;

namespace DrillRunner.Testing.Postgres;

/// <summary>
/// A fact that needs the test PostgreSQL server. Without one it is skipped with the reason, except under
/// <c>CI=true</c>, where it runs and fails: CI must not pass by skipping.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (IsSkipped)
        {
            Skip = SkipReason;
        }
    }

    public static bool IsSkipped =>
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && TestPostgres.UnavailableReason is not null;

    public static string SkipReason =>
        $"No PostgreSQL at {TestPostgres.Variable} ({TestPostgres.UnavailableReason}); run .ci/install-postgres.sh, or set CI=true to make this a failure.";
}
