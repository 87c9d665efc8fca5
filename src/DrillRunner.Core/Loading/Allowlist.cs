using DrillRunner.Model;

namespace DrillRunner.Loading;

/// <summary>The hosts an environment lets drills send probes and traffic to.</summary>
public static class Allowlist
{
    public static bool Allows(EnvironmentSpec environment, Uri target) =>
        environment.Allowlist.Any(host => string.Equals(host, target.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals($"[{host}]", target.Host, StringComparison.OrdinalIgnoreCase));
}
