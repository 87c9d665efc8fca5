using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrillRunner.Units;

namespace DrillRunner.Docker.Import;

/// <summary>
/// Writes an environment file that adopts a Compose project's containers: each service is selected by its Compose
/// service label and an anchored name pattern made of the project and service names (so another project's service of
/// the same name is never taken), with an endpoint on 127.0.0.1 for each service that publishes a port.
/// </summary>
public static class EnvironmentFileWriter
{
    public static string Write(ComposeProject project, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(project);
        var yaml = new StringBuilder();
        yaml.AppendLine("# yaml-language-server: $schema=../schema/environment.schema.json");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# Imported from the running Docker Compose project '{project.Name}' by `drill env import --compose {project.Name}`.");
        yaml.AppendLine("# Its containers are adopted by selector: `env down` leaves them alone and scaling is refused.");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: {Quote(environmentName)}");
        yaml.AppendLine("driver: docker");
        yaml.AppendLine("allowlist: [127.0.0.1]");
        yaml.AppendLine();
        yaml.AppendLine("docker:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  endpoint: {Quote(project.Engine.Endpoint)}");
        if (project.Engine.TlsCertPath is { Length: > 0 } certs)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  tlsCertPath: {Quote(Path.GetFullPath(certs))}   # ca.pem, cert.pem, key.pem");
        }

        if (project.Engine.Insecure)
        {
            yaml.AppendLine("  insecure: true   # a tcp:// engine without TLS: anyone on its network can drive it");
        }
        yaml.AppendLine();
        yaml.AppendLine("endpoints:");
        foreach (var service in project.Services.Where(s => s.HostPort is not null))
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {Quote(service.Name)}: http://127.0.0.1:{service.HostPort}");
        }

        yaml.AppendLine();
        yaml.AppendLine("services:");
        foreach (var service in project.Services)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {Quote(service.Name)}:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    instances: {service.Containers.Count}   # {string.Join(", ", service.Containers)}");
            yaml.AppendLine("    selector:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      label: {Quote($"{ComposeLabels.Service}={service.Name}")}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      namePattern: {Quote(NamePattern(project.Name, service.Name))}");
            if (service.HealthPath is { } path)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    healthPath: {Quote(path)}   # from its Docker health check");
            }
            else if (service.HasHealthCheck)
            {
                yaml.AppendLine("    # has a Docker health check that calls no URL: its status is used; add healthPath: for HTTP probes");
            }

            if (service.Restarts)
            {
                yaml.AppendLine("    supervisor: {}   # Docker restarts it (restart policy)");
            }

            if (Limits(service) is { } limits)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    limits: {{ {limits} }}   # the containers' own (HostConfig)");
            }

            if (service.HostPort is null)
            {
                yaml.AppendLine("    # publishes no port on 127.0.0.1: no endpoint");
            }
        }

        return yaml.ToString();
    }

    /// <summary>
    /// Compose names containers <c>project_service_1</c> (v1) or <c>project-service-1</c> (v2); the pattern is anchored
    /// at both ends so it names exactly this project's instances of this service.
    /// </summary>
    public static string NamePattern(string project, string service) =>
        $"^{Regex.Escape(project)}[-_]{Regex.Escape(service)}[-_][0-9]+$";

    private static string? Limits(ComposeService service)
    {
        var parts = new List<string>();
        if (service.Cpus is { } cpus)
        {
            parts.Add($"cpus: {cpus.ToString("0.###", CultureInfo.InvariantCulture)}");
        }

        if (service.MemoryBytes is { } memory)
        {
            // Exact: a binary unit when it divides, else bytes (ByteSize rounds decimal megabytes).
            var size = new ByteSize(memory).ToString();
            parts.Add($"memory: {(size.EndsWith("iB", StringComparison.Ordinal) ? size : memory.ToString(CultureInfo.InvariantCulture) + "B")}");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A JSON string is a valid YAML double-quoted scalar.
    private static string Quote(string value) => JsonSerializer.Serialize(value, Json);
}
