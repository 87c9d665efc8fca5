using DrillRunner.Model;

namespace DrillRunner.Docker.Import;

/// <summary>
/// A running Docker Compose project as the engine reports it, for <c>drill env import --compose</c>.
/// The engine is given as the environment file's <c>docker:</c> block (endpoint, TLS folder, insecure) is.
/// </summary>
public sealed record ComposeProject(string Name, DockerEndpointSpec Engine, IReadOnlyList<ComposeService> Services);

/// <summary>
/// One Compose service: its running containers (by name), the first instance's port published on the host's loopback
/// (null when it publishes none), the HTTP path of its Docker health check when that check calls a URL, whether it has a
/// health check at all, whether Docker restarts it when it dies, and its containers' CPU and memory limits (the loosest
/// of them; compose's <c>cpus</c>, <c>mem_limit</c> and <c>deploy.resources.limits</c> all end up in HostConfig).
/// </summary>
public sealed record ComposeService(
    string Name, IReadOnlyList<string> Containers, int? HostPort, bool HasHealthCheck, string? HealthPath, bool Restarts,
    double? Cpus = null, long? MemoryBytes = null);
