namespace DrillRunner.Traffic.Tests.Support;

internal static class Plans
{
    public static LoadPlan For(Uri target, ArrivalProfile? profile = null) => new()
    {
        Target = target,
        AllowedHosts = ["127.0.0.1"],
        Profile = profile,
        Connections = 8,
        Duration = TimeSpan.FromSeconds(20),
        Timeout = TimeSpan.FromSeconds(5),
    };
}
