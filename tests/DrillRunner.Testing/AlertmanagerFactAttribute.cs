using Xunit;

namespace DrillRunner.Testing;

/// <summary>
/// A fact that runs Debian's Alertmanager. Without the binary it is skipped with the reason, except under
/// <c>CI=true</c> (where <c>.ci/install-prometheus.sh</c> installs it), where it runs and fails.
/// </summary>
public sealed class AlertmanagerFactAttribute : FactAttribute
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    public AlertmanagerFactAttribute()
    {
        if (!File.Exists(Binary) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{Binary} not installed (apt-get install prometheus-alertmanager; set CI=true to make this a failure).";
        }
    }
}
