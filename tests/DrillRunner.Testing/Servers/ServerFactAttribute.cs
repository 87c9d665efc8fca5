using Xunit;

namespace DrillRunner.Testing.Servers;

/// <summary>
/// A fact that needs Debian's nginx and haproxy (<c>.ci/install-real-servers.sh</c>). Without them it is skipped with
/// the reason, except under <c>CI=true</c>, where it runs and fails.
/// </summary>
public sealed class ServerFactAttribute : FactAttribute
{
    public static readonly string[] Binaries = ["/usr/sbin/nginx", "/usr/sbin/haproxy"];

    public ServerFactAttribute()
    {
        if (IsSkipped)
        {
            Skip = $"nginx or haproxy missing ({string.Join(", ", Binaries.Where(b => !File.Exists(b)))}); run .ci/install-real-servers.sh (set CI=true to make this a failure).";
        }
    }

    public static bool IsSkipped =>
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && !Binaries.All(File.Exists);
}
