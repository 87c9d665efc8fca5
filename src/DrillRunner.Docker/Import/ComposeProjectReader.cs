using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Model;

namespace DrillRunner.Docker.Import;

/// <summary>
/// Reads a running Compose project from the engine: its containers by the <c>com.docker.compose.project</c> label,
/// grouped by <c>com.docker.compose.service</c>, with their published ports, health checks and restart policies.
/// Refuses (a <see cref="DriverException"/>) a project with no running container or none that publishes a port.
/// </summary>
public static partial class ComposeProjectReader
{
    public static async Task<ComposeProject> ReadAsync(DockerEndpointSpec engine, string project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        var endpoint = engine.Endpoint;
        using var client = DockerClientFactory.Create(engine);
        IList<ContainerListResponse> containers;
        try
        {
            containers = await client.Containers.ListContainersAsync(
                new ContainersListParameters
                {
                    Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={project}"] = true } },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            throw new DriverException($"The Docker engine at {endpoint} did not answer: {ex.Message}");
        }

        if (containers.Count == 0)
        {
            throw new DriverException(
                $"Docker Compose project '{project}' has no running container on the engine at {endpoint} (label {ComposeLabels.Project}={project}); "
                + "start it (docker-compose -p NAME up -d) or check the name (docker ps --filter label=" + ComposeLabels.Project + "); no file was written.");
        }

        var services = new List<ComposeService>();
        foreach (var group in containers.Where(c => c.Labels.ContainsKey(ComposeLabels.Service)).GroupBy(c => c.Labels[ComposeLabels.Service]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.OrderBy(InstanceNameOf, StringComparer.Ordinal).ToList();
            var all = new List<ContainerInspectResponse>();
            foreach (var member in members)
            {
                all.Add(await client.Containers.InspectContainerAsync(member.ID, cancellationToken).ConfigureAwait(false));
            }

            var inspected = all[0];
            var test = inspected.Config?.Healthcheck?.Test;
            var hasHealthCheck = test is { Count: > 0 } && test[0] != "NONE";
            var restart = inspected.HostConfig?.RestartPolicy?.Name;
            services.Add(new ComposeService(
                group.Key,
                [.. members.Select(InstanceNameOf)],
                LoopbackPortOf(members[0]),
                hasHealthCheck,
                hasHealthCheck ? HealthPathOf(test!) : null,
                restart is RestartPolicyKind.Always or RestartPolicyKind.OnFailure or RestartPolicyKind.UnlessStopped,
                Loosest(all.Select(c => CpusOf(c.HostConfig))),
                Loosest(all.Select(c => c.HostConfig?.Memory is > 0 and var m ? (double?)m : null)) is { } memory ? (long)memory : null));
        }

        if (services.All(s => s.HostPort is null))
        {
            throw new DriverException(
                $"Docker Compose project '{project}' publishes no port on the host ({string.Join(", ", services.Select(s => s.Name))}): "
                + "a drill needs an endpoint to probe; publish one (ports: [\"127.0.0.1:PORT:PORT\"]); no file was written.");
        }

        return new ComposeProject(project, engine, services);
    }

    // --cpus sets NanoCPUs; cpu_quota (compose v2 files, older engines) a quota per period.
    private static double? CpusOf(HostConfig? host) =>
        host is null ? null
        : host.NanoCPUs > 0 ? host.NanoCPUs / 1e9
        : host.CPUQuota > 0 ? host.CPUQuota / (double)(host.CPUPeriod > 0 ? host.CPUPeriod : 100_000)
        : null;

    // The service's limit is its least limited container's: one without a limit leaves the service without one.
    private static double? Loosest(IEnumerable<double?> values)
    {
        var list = values.ToList();
        return list.All(v => v is not null) ? list.Max() : null;
    }

    /// <summary>The path of the first http(s) URL in a Docker health check (<c>curl -f http://localhost:8080/health</c>), or null.</summary>
    public static string? HealthPathOf(IList<string> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var match = HttpUrl().Match(string.Join(' ', test.Skip(1)));
        return match.Success ? (match.Groups["path"].Value is { Length: > 0 } path ? path : "/") : null;
    }

    private static string InstanceNameOf(ContainerListResponse container) =>
        container.Names.Count > 0 ? container.Names[0].TrimStart('/') : container.ID;

    // A port published on every address or on loopback is reachable at 127.0.0.1; one bound to another address is not
    // drilled (the allowlist is 127.0.0.1).
    private static int? LoopbackPortOf(ContainerListResponse container)
    {
        var port = container.Ports?
            .Where(p => p.PublicPort > 0 && p.Type == "tcp" && (string.IsNullOrEmpty(p.IP) || p.IP is "0.0.0.0" or "::" || p.IP.StartsWith("127.", StringComparison.Ordinal)))
            .OrderBy(p => p.PrivatePort)
            .FirstOrDefault();
        return port is null ? null : (int)port.PublicPort;
    }

    [GeneratedRegex(@"https?://[^\s/'""]+(?<path>/[^\s'""|;&]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex HttpUrl();
}
