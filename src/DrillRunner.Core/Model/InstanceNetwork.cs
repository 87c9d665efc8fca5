namespace DrillRunner.Model;

/// <summary>
/// How an environment's instances are reached, which decides the <c>{listen}</c> and <c>{host:SERVICE}</c>
/// placeholders of their settings.
/// </summary>
public enum InstanceNetwork
{
    /// <summary>Everything on the host's 127.0.0.1 (local processes, Docker host networking).</summary>
    Loopback,

    /// <summary>
    /// A network of containers: each listens on every address of its own namespace (<c>0.0.0.0</c>; the host sees only
    /// ports published on 127.0.0.1) and reaches another service by its name.
    /// </summary>
    Bridge,
}
