using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Containers;

/// <summary>Adds replicas cloned from the service's first container (next index and port) or removes the highest.</summary>
internal sealed class ServiceScaler(InstanceCatalog catalog, DockerEngine engine, ContainerFiles files, Storage.DataVolumes volumes)
{
    public async Task ScaleAsync(string serviceName, int replicas, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var service = catalog.Service(serviceName);
        if (service.Selector is not null)
        {
            throw new DriverException($"Service '{serviceName}' adopts existing containers (selector); the driver does not create or remove them.");
        }

        var current = await catalog.ListServiceAsync(service, cancellationToken).ConfigureAwait(false);

        // An instance in the middle of a recreate (another process may be reconfiguring it) is set aside and its new
        // container not created yet: it still counts, and its index is never given to a new instance.
        var setAside = (await catalog.ListSetAsideAsync(service, cancellationToken).ConfigureAwait(false))
            .Where(s => current.All(c => InstanceCatalog.IndexOf(c.Labels) != InstanceCatalog.IndexOf(s.Labels)))
            .ToList();
        foreach (var extra in current.Skip(Math.Max(0, replicas - setAside.Count)).Reverse())
        {
            await engine.CallAsync(
                "remove " + InstanceCatalog.NameOf(extra),
                (c, ct) => c.Containers.RemoveContainerAsync(extra.ID, new ContainerRemoveParameters { Force = true }, ct),
                cancellationToken).ConfigureAwait(false);
        }

        if (current.Count + setAside.Count >= replicas)
        {
            return;
        }

        if (current.Count == 0)
        {
            throw new DriverException($"Service '{serviceName}' has no container to clone; run `env up` first.");
        }

        var template = await engine.CallAsync(
            "inspect " + InstanceCatalog.NameOf(current[0]), (c, ct) => c.Containers.InspectContainerAsync(current[0].ID, ct), cancellationToken).ConfigureAwait(false);
        var next = current.Concat(setAside).Max(c => InstanceCatalog.IndexOf(c.Labels));
        for (var added = current.Count + setAside.Count; added < replicas; added++)
        {
            next++;
            await AddAsync(service, template, next, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AddAsync(ServiceSpec service, ContainerInspectResponse template, int index, CancellationToken cancellationToken)
    {
        var environment = catalog.Environment;
        var name = InstanceSettings.InstanceId(environment, service, index);
        var env = EnvFor(template, environment, service, InstanceCatalog.IndexOf(template.Config.Labels), index);
        var parameters = ContainerTemplate.Clone(template, name, [.. env.Select(kv => $"{kv.Key}={kv.Value}")]);
        ContainerTemplate.Relabel(parameters, index, InstanceSettings.PortOf(service, index));

        // Its own data volume, not the template's (the shared one stays shared); one left by a scale-down is reused.
        await volumes.EnsureAsync(environment, service, index, cancellationToken).ConfigureAwait(false);
        parameters.HostConfig.Mounts = [.. (parameters.HostConfig.Mounts ?? []).Where(m => m.Target != Images.DebianRootfs.DataRoot), .. Storage.DataVolumes.MountsFor(environment, service, name).Where(m => m.Target == Images.DebianRootfs.DataRoot)];
        if (service.Build is { Debian.Count: > 0 })
        {
            // The command names the instance's own data folder and ports, as a fresh instance's would.
            var fresh = ContainerTemplate.ForInstance(environment, service, index, parameters.Image);
            (parameters.Entrypoint, parameters.Cmd) = (fresh.Entrypoint, fresh.Cmd);
        }

        var created = await engine.CallAsync("create " + name, (c, ct) => c.Containers.CreateContainerAsync(parameters, ct), cancellationToken, retry: false).ConfigureAwait(false);
        await files.CopyInAsync(created.ID, name, ContainerTemplate.FilesFor(environment, service, index), cancellationToken).ConfigureAwait(false);
        await engine.CallAsync("start " + name, (c, ct) => c.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct), cancellationToken).ConfigureAwait(false);
    }

    // A setting still at its per-instance value (e.g. a URL with {port}) follows the new index; one a fault or
    // action changed on the template keeps the changed value, like every other part of the cloned config.
    private static Dictionary<string, string> EnvFor(ContainerInspectResponse template, EnvironmentSpec environment, ServiceSpec service, int templateIndex, int index)
    {
        var env = InstanceReader.EnvOf(template.Config.Env);
        var network = EnvironmentNetwork.AddressingOf(environment);
        var templateAt = Math.Max(templateIndex, 1);
        var original = InstanceSettings.For(environment, service, templateAt, ContainerTemplate.DataDirectoryOf(service, InstanceSettings.InstanceId(environment, service, templateAt)), network);
        foreach (var (key, value) in InstanceSettings.For(environment, service, index, ContainerTemplate.DataDirectoryOf(service, InstanceSettings.InstanceId(environment, service, index)), network))
        {
            if (!env.TryGetValue(key, out var current) || (original.TryGetValue(key, out var first) && first == current))
            {
                env[key] = value;
            }
        }

        return env;
    }
}
