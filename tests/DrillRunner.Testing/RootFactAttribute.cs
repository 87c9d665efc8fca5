using Xunit;

namespace DrillRunner.Testing;

/// <summary>A fact that starts processes as other users, which needs root: skipped otherwise, except under <c>CI=true</c>.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if ((!OperatingSystem.IsLinux() || Environment.UserName != "root") && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "not root: switching a service to another user needs a root supervisor (set CI=true to make this a failure).";
        }
    }
}
