namespace DrillRunner.Server.Tests.Dashboards;

/// <summary>A fact that needs <c>promtool</c>: skipped with the reason when it is missing, unless CI=true (then it fails).</summary>
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Promtool.Path is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "promtool not found on PATH (apt-get install prometheus, or .ci/install-prometheus.sh); CI=true makes this a failure";
        }
    }
}

internal static class Promtool
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => System.IO.Path.Combine(folder, "promtool"))
        .FirstOrDefault(File.Exists);
}
