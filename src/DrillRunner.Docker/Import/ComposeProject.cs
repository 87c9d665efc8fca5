namespace DrillRunner.Docker.Import;

/// <summary>A running Docker Compose project as the engine reports it, for <c>drill env import --compose</c>.</summary>
public sealed record ComposeProject(string Name, string Endpoint, IReadOnlyList<ComposeService> Services);

/// <summary>
/// One Compose service: its running containers (by name), the first instance's port published on the host's loopback
/// (null when it publishes none), the HTTP path of its Docker health check when that check calls a URL, whether it has a
/// health check at all, and whether Docker restarts it when it dies.
/// </summary>
public sealed record ComposeService(
    string Name, IReadOnlyList<string> Containers, int? HostPort, bool HasHealthCheck, string? HealthPath, bool Restarts);
