using DrillRunner.Model;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// The network an environment's containers run on (<c>docker.network</c>): <c>host</c> (everything on the host's
/// 127.0.0.1, no namespace of their own), <c>bridge</c> (a network of the environment's own, <c>drillrunner-ENV</c>,
/// created by <c>up</c> and removed by <c>down</c>, on which services find each other by name) or the name of an
/// existing user-defined network. Off host networking only ports published on the host's 127.0.0.1 are reachable.
/// </summary>
internal static class EnvironmentNetwork
{
    public const string Host = "host";

    public const string OwnBridge = "bridge";

    public static string ModeOf(EnvironmentSpec environment) => environment.Docker.Network switch
    {
        "" or Host => Host,
        OwnBridge => $"drillrunner-{environment.Name}",
        var named => named,
    };

    public static bool IsHost(EnvironmentSpec environment) => ModeOf(environment) == Host;

    /// <summary>Whether the driver creates and removes the network (<c>bridge</c>).</summary>
    public static bool IsOwn(EnvironmentSpec environment) => environment.Docker.Network == OwnBridge;

    public static InstanceNetwork AddressingOf(EnvironmentSpec environment) =>
        IsHost(environment) ? InstanceNetwork.Loopback : InstanceNetwork.Bridge;
}
