using Xunit;

namespace DrillRunner.Testing;

/// <summary>
/// A fact that runs the data tier for real: Debian's etcd, Patroni, PostgreSQL 15 and pgBackRest, started as their own users,
/// which needs root. Without them it is skipped with the reason, except under <c>CI=true</c> (where
/// <c>.ci/install-dr.sh</c> installs them), where it runs and fails.
/// </summary>
public sealed class DataTierFactAttribute : FactAttribute
{
    public static readonly string[] Binaries = ["/usr/bin/etcd", "/usr/bin/patroni", "/usr/lib/postgresql/15/bin/postgres", "/usr/bin/setpriv", "/usr/bin/pgbackrest", "/usr/bin/curl"];

    public DataTierFactAttribute()
    {
        if (Missing() is { } reason && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{reason} (.ci/install-dr.sh installs the data tier; set CI=true to make this a failure).";
        }
    }

    public static string? Missing()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "not root: services that run as the postgres and etcd users need a root supervisor";
        }

        var missing = Binaries.Where(b => !File.Exists(b)).ToList();
        return missing.Count == 0 ? null : $"not installed: {string.Join(", ", missing)}";
    }
}
