using System.Collections.Concurrent;
using System.Globalization;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Containers;

/// <summary>Reads an instance's state from the engine, so verification never trusts what the driver asked for.</summary>
internal sealed class InstanceReader(DockerEngine engine, HealthProbe probe)
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _imageEnv = new(StringComparer.Ordinal);

    /// <summary>
    /// Docker reports a graceful stop and a death both as <c>exited</c>; the exit code tells them apart:
    /// 0 is <see cref="InstanceState.Stopped"/>, anything else (137 after SIGKILL) is <see cref="InstanceState.Exited"/>.
    /// </summary>
    public static InstanceState StateOf(ContainerState? state) => state switch
    {
        null => InstanceState.Missing,
        { Paused: true } => InstanceState.Paused,
        { Restarting: true } => InstanceState.Restarting,
        { Running: true } => InstanceState.Running,
        { Status: "created" } => InstanceState.Stopped,
        { ExitCode: 0, OOMKilled: false } => InstanceState.Stopped,
        _ => InstanceState.Exited,
    };

    public static int PortOf(ContainerInspectResponse container)
    {
        if (container.Config?.Labels is { } labels && labels.TryGetValue(DockerLabels.Port, out var value)
            && int.TryParse(value, CultureInfo.InvariantCulture, out var port))
        {
            return port;
        }

        var binding = container.HostConfig?.PortBindings?.Values.FirstOrDefault(b => b is { Count: > 0 })?[0];
        return binding is not null && int.TryParse(binding.HostPort, CultureInfo.InvariantCulture, out var published) ? published : 0;
    }

    public static Dictionary<string, string> EnvOf(IList<string>? env)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in env ?? [])
        {
            var parts = entry.Split('=', 2);
            result[parts[0]] = parts.Length == 2 ? parts[1] : "";
        }

        return result;
    }

    public async Task<InstanceInfo> ReadAsync(ContainerInspectResponse container, ServiceSpec service, CancellationToken cancellationToken)
    {
        var state = StateOf(container.State);
        var port = PortOf(container);
        var health = await HealthOfAsync(container, service, state, port, cancellationToken).ConfigureAwait(false);
        var settings = await SettingsOfAsync(container, cancellationToken).ConfigureAwait(false);
        var pid = container.State is { Pid: > 0 } s ? (int?)s.Pid : null;
        return new InstanceInfo(container.Name.TrimStart('/'), service.Name, state, health, settings, probe.EndpointOf(port), pid);
    }

    private async Task<InstanceHealth> HealthOfAsync(
        ContainerInspectResponse container, ServiceSpec service, InstanceState state, int port, CancellationToken cancellationToken)
    {
        if (container.State?.Health is { Status: { Length: > 0 } status } && status != "none")
        {
            return status switch
            {
                "healthy" => InstanceHealth.Healthy,
                "starting" => InstanceHealth.Starting,
                _ => InstanceHealth.Unhealthy,
            };
        }

        if (string.IsNullOrEmpty(service.HealthPath) || port == 0)
        {
            return InstanceHealth.None;
        }

        return state == InstanceState.Running && await probe.IsHealthyAsync(port, service.HealthPath, cancellationToken).ConfigureAwait(false)
            ? InstanceHealth.Healthy
            : InstanceHealth.Unhealthy;
    }

    // Settings are what the instance was given, not what its image bakes in (PATH, runtime switches).
    private async Task<IReadOnlyDictionary<string, string>> SettingsOfAsync(ContainerInspectResponse container, CancellationToken cancellationToken)
    {
        var env = EnvOf(container.Config?.Env);
        if (!_imageEnv.TryGetValue(container.Image, out var baked))
        {
            var image = await engine.CallOrDefaultOnNotFoundAsync(
                "inspect image " + container.Image, (c, ct) => c.Images.InspectImageAsync(container.Image, ct), cancellationToken).ConfigureAwait(false);
            baked = new HashSet<string>(image?.Config?.Env ?? [], StringComparer.Ordinal);
            _imageEnv[container.Image] = baked;
        }

        foreach (var entry in baked)
        {
            var key = entry.Split('=', 2)[0];
            if (env.TryGetValue(key, out var value) && entry == $"{key}={value}")
            {
                env.Remove(key);
            }
        }

        return env;
    }
}
