using System.Globalization;
using Docker.DotNet.Models;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Containers;

/// <summary>Create parameters for an instance: fresh from the service spec, or cloned from an existing container.</summary>
internal static class ContainerTemplate
{
    public static CreateContainerParameters ForInstance(EnvironmentSpec environment, ServiceSpec service, int index, string image)
    {
        var port = InstanceSettings.PortOf(service, index);
        var network = EnvironmentNetwork.ModeOf(environment);
        var host = new HostConfig
        {
            NetworkMode = network,
            RestartPolicy = new RestartPolicy
            {
                Name = service.Supervisor is null ? RestartPolicyKind.No : RestartPolicyKind.Always,
            },
            Binds = [.. service.Mounts.Select(m => Bind(environment, m))],
            Tmpfs = service.Tmpfs.ToDictionary(t => t.Key, t => $"size={t.Value.Bytes.ToString(CultureInfo.InvariantCulture)},mode=1777", StringComparer.Ordinal),
            Init = service.Init ? true : null,
        };
        if (service.Limits?.Cpus is { } cpus)
        {
            host.NanoCPUs = (long)Math.Round(cpus * 1e9);
        }

        if (service.Limits?.Memory is { } memory)
        {
            // No swap beyond the limit: the declared figure is what the instance can hold (as memory-limit sets it).
            host.Memory = memory.Bytes;
            host.MemorySwap = memory.Bytes;
        }

        var id = InstanceSettings.InstanceId(environment, service, index);
        host.Mounts = Storage.DataVolumes.MountsFor(environment, service, id);
        var data = DataDirectoryOf(service, id);
        var shared = SharedDirectoryOf(service);
        var addressing = EnvironmentNetwork.AddressingOf(environment);
        var parameters = new CreateContainerParameters
        {
            Name = id,
            Image = image,
            Env = [.. InstanceSettings.For(environment, service, index, data, shared, addressing).Select(kv => $"{kv.Key}={InstanceFiles.Expand(kv.Value, ContainerFiles.Folder)}")],
            Labels = Labels(environment.Name, service.Name, index, port),
            HostConfig = host,
            User = service.User,
            // Explicit, so that a signal the init forwards as a crash (ProcessCrasher) is not taken for a manual stop.
            StopSignal = service.Init ? ProcessCrasher.StopSignal : null,
        };
        if (service.Build is { Debian.Count: > 0 })
        {
            // A Debian image has no entry point: it runs the service's command, in the folder holding build.files,
            // after making the instance's data folder (as the service's user, in the world-writable data root).
            parameters.Entrypoint = ["/bin/sh", "-c", "[ -z \"$0\" ] || mkdir -p -m 700 \"$0\"; shift; exec \"$@\"", data ?? "", "--"];
            parameters.Cmd = [service.Command!, .. service.Args.Select(a => InstanceFiles.Expand(InstanceSettings.Expand(a, environment, service, index, data, shared, addressing), ContainerFiles.Folder))];
        }
        else if (service.Build is null && !string.IsNullOrEmpty(service.Command))
        {
            // An image that is not built from a project (a Debian server's) runs the service's command, as locally.
            parameters.Cmd = [service.Command, .. service.Args.Select(a => InstanceFiles.Expand(InstanceSettings.Expand(a, environment, service, index, data, shared, addressing), ContainerFiles.Folder))];
        }

        if (network != EnvironmentNetwork.Host)
        {
            // Other services reach this one by its name; the host reaches it on 127.0.0.1 only (published port), the
            // runner of a remote engine on the engine's address.
            parameters.NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [network] = new() { Aliases = [service.Name] } },
            };
            if (port > 0)
            {
                PublishPort(parameters, port, environment.Docker.PublishAddress);
            }
        }

        return parameters;
    }

    /// <summary>Where <c>{data}</c> points inside the container: in the instance's data volume (<see cref="Storage.DataVolumes"/>).</summary>
    public static string? DataDirectoryOf(ServiceSpec service, string instanceId) =>
        InstanceSettings.UsesData(service) ? $"{Images.DebianRootfs.DataRoot}/{instanceId}" : null;

    /// <summary>Where <c>{shared}</c> points inside the container: the service's shared volume.</summary>
    public static string? SharedDirectoryOf(ServiceSpec service) =>
        InstanceSettings.UsesShared(service) ? Storage.DataVolumes.SharedRoot : null;

    /// <summary>The service's config files rendered for instance <paramref name="index"/>, for <see cref="ContainerFiles.CopyInAsync"/>.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> FilesFor(EnvironmentSpec environment, ServiceSpec service, int index)
    {
        try
        {
            return InstanceFiles.Render(environment, service, index, ContainerFiles.Folder);
        }
        catch (Exception ex) when (ex is Templates.TemplateException or IOException)
        {
            throw new Drivers.DriverException($"{environment.SourceFile}: service '{service.Name}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A copy of <paramref name="container"/>'s configuration under a new name, index and environment. The image is
    /// the container's own (by id), not its tag: on a shared engine the tag may since name another build, or be gone.
    /// </summary>
    public static CreateContainerParameters Clone(ContainerInspectResponse container, string name, IList<string> env)
    {
        var config = container.Config;
        return new CreateContainerParameters
        {
            Name = name,
            // The image the container runs (its id), not its tag: a tag can be moved or pruned by another build meanwhile.
            Image = string.IsNullOrEmpty(container.Image) ? config.Image : container.Image,
            Env = env,
            Cmd = config.Cmd,
            Entrypoint = config.Entrypoint,
            WorkingDir = config.WorkingDir,
            User = config.User,
            Labels = new Dictionary<string, string>(config.Labels ?? new Dictionary<string, string>()),
            ExposedPorts = config.ExposedPorts,
            Volumes = config.Volumes,
            Healthcheck = config.Healthcheck,
            StopSignal = config.StopSignal,
            StopTimeout = config.StopTimeout,
            Tty = config.Tty,
            HostConfig = container.HostConfig,
            NetworkingConfig = NetworkingOf(container),
        };
    }

    public static void Relabel(CreateContainerParameters parameters, int index, int port)
    {
        parameters.Labels[DockerLabels.Instance] = index.ToString(CultureInfo.InvariantCulture);
        if (port > 0)
        {
            parameters.Labels[DockerLabels.Port] = port.ToString(CultureInfo.InvariantCulture);
            if (parameters.HostConfig.NetworkMode != EnvironmentNetwork.Host)
            {
                var address = parameters.HostConfig.PortBindings?.Values.SelectMany(b => b).FirstOrDefault()?.HostIP ?? "127.0.0.1";
                PublishPort(parameters, port, address);
            }
        }
    }

    /// <summary><c>source:target[:ro]</c>, the source resolved against the environment's folder, the target defaulting to it.</summary>
    private static string Bind(EnvironmentSpec environment, MountSpec mount)
    {
        var source = Path.GetFullPath(Path.Combine(environment.BaseDirectory, mount.Source));
        return $"{source}:{mount.Target ?? source}{(mount.ReadOnly ? ":ro" : "")}";
    }

    // Network-scoped aliases (the service name) go with the clone; the engine's own alias (the short id) does not.
    private static NetworkingConfig? NetworkingOf(ContainerInspectResponse container)
    {
        var mode = container.HostConfig?.NetworkMode;
        if (mode is null or EnvironmentNetwork.Host or "bridge" or "none" || container.NetworkSettings?.Networks is not { Count: > 0 } networks)
        {
            return null;
        }

        var shortId = container.ID.Length >= 12 ? container.ID[..12] : container.ID;
        return new NetworkingConfig
        {
            EndpointsConfig = networks.ToDictionary(
                n => n.Key,
                n => new EndpointSettings { Aliases = [.. (n.Value.Aliases ?? []).Where(a => a != shortId && a != container.ID)] },
                StringComparer.Ordinal),
        };
    }

    private static Dictionary<string, string> Labels(string environment, string service, int index, int port)
    {
        var labels = new Dictionary<string, string>
        {
            [DockerLabels.Environment] = environment,
            [DockerLabels.Service] = service,
            [DockerLabels.Instance] = index.ToString(CultureInfo.InvariantCulture),
        };
        if (port > 0)
        {
            labels[DockerLabels.Port] = port.ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }

    private static void PublishPort(CreateContainerParameters parameters, int port, string address)
    {
        var key = $"{port.ToString(CultureInfo.InvariantCulture)}/tcp";
        parameters.ExposedPorts = new Dictionary<string, EmptyStruct> { [key] = default };
        parameters.HostConfig.PortBindings = new Dictionary<string, IList<PortBinding>>
        {
            [key] = [new PortBinding { HostIP = address, HostPort = port.ToString(CultureInfo.InvariantCulture) }],
        };
    }
}
