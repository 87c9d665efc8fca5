using Xunit;

namespace DrillRunner.Testing;

/// <summary>
/// A fact that acts in containers' namespaces from the host (network and storage faults): it needs the Docker engine,
/// root, and Debian's util-linux, iproute2 and iptables (<c>.ci/install-network-faults.sh</c>). Without them it is
/// skipped with the reason, except under <c>CI=true</c>, where it runs and fails.
/// </summary>
public sealed class NamespaceFactAttribute : FactAttribute
{
    private static readonly string[] Tools = ["nsenter", "setsid", "iptables-save", "iptables-restore", "tc", "ss"];

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public NamespaceFactAttribute()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && Unavailable.Value is { } why)
        {
            Skip = $"{why} (set CI=true to make this a failure).";
        }
    }

    private static string? Probe()
    {
        if (DockerFactAttribute.IsSkipped)
        {
            return DockerFactAttribute.SkipReason;
        }

        var uid = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2);
        if (uid != "0")
        {
            return "Network and storage faults act in containers' namespaces: the tests must run as root";
        }

        var missing = Tools.Where(t => !new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin" }.Any(f => File.Exists(Path.Combine(f, t)))).ToList();
        return missing.Count == 0 ? null : $"Missing {string.Join(", ", missing)} (apt-get install util-linux iproute2 iptables)";
    }
}
