using System.Globalization;
using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Engine;
using DrillRunner.Docker.Images;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Storage;

/// <summary>
/// The named volumes behind <c>{data}</c> and <c>{shared}</c>: an instance whose service names <c>{data}</c> gets a
/// volume of its own mounted at <see cref="DebianRootfs.DataRoot"/> (its data folder, set-aside and kept copies all
/// live in it, so setting data aside is a rename); a service naming <c>{shared}</c> gets one volume its instances
/// share, mounted at <see cref="SharedRoot"/>. Volumes outlive their containers (kill, recreate, scale down and up
/// keep the data) and carry the environment's label: <c>env down</c> removes them.
/// </summary>
internal sealed class DataVolumes(DockerEngine engine)
{
    /// <summary>Where <c>{shared}</c> points inside every container of a service that uses it.</summary>
    public const string SharedRoot = "/var/lib/drillrunner-shared";

    private const string DataKind = "data";
    private const string SharedKind = "shared";

    public static string DataVolumeOf(string instanceId) => $"{instanceId}-data";

    public static string SharedVolumeOf(EnvironmentSpec environment, ServiceSpec service) => $"{environment.Name}-{service.Name}-shared";

    /// <summary>The mounts an instance's container gets (none when its service names neither placeholder).</summary>
    public static List<Mount> MountsFor(EnvironmentSpec environment, ServiceSpec service, string instanceId)
    {
        var mounts = new List<Mount>();
        if (InstanceSettings.UsesData(service))
        {
            mounts.Add(new Mount { Type = "volume", Source = DataVolumeOf(instanceId), Target = DebianRootfs.DataRoot });
        }

        if (InstanceSettings.UsesShared(service))
        {
            mounts.Add(new Mount { Type = "volume", Source = SharedVolumeOf(environment, service), Target = SharedRoot });
        }

        return mounts;
    }

    /// <summary>The data volume a container mounts, read from the engine (null: created without one).</summary>
    public static string? DataVolumeIn(ContainerInspectResponse container) =>
        container.Mounts?.FirstOrDefault(m => m.Type == "volume" && m.Destination == DebianRootfs.DataRoot)?.Name;

    /// <summary>
    /// Creates the volumes instance <paramref name="index"/> mounts, labelled (the engine would create missing ones
    /// itself, unlabelled, and <c>env down</c> would not find them). Idempotent: an existing volume is kept as it is.
    /// </summary>
    public async Task EnsureAsync(EnvironmentSpec environment, ServiceSpec service, int index, CancellationToken cancellationToken)
    {
        var instanceId = InstanceSettings.InstanceId(environment, service, index);
        if (InstanceSettings.UsesData(service))
        {
            await CreateAsync(DataVolumeOf(instanceId), Labels(environment, service, DataKind, index), cancellationToken).ConfigureAwait(false);
        }

        if (InstanceSettings.UsesShared(service))
        {
            await CreateAsync(SharedVolumeOf(environment, service), Labels(environment, service, SharedKind, null), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Makes the shared volume's root the service user's (a new volume is root's; the local driver creates the shared
    /// folder for the user alike), by a helper of the service's image. Idempotent; nothing to do without a user.
    /// </summary>
    public static async Task OwnSharedAsync(OneOffContainer helpers, string image, EnvironmentSpec environment, ServiceSpec service, CancellationToken cancellationToken)
    {
        if (!InstanceSettings.UsesShared(service) || string.IsNullOrEmpty(service.User))
        {
            return;
        }

        var volume = SharedVolumeOf(environment, service);
        var parameters = new CreateContainerParameters
        {
            Image = image,
            User = "0",
            Entrypoint = ["/bin/sh", "-c", "chown \"$1\" /volume && chmod 700 /volume", "sh", service.User],
            Cmd = [],
            Labels = OneOffContainer.Labels(environment.Name, volume),
            HostConfig = new HostConfig { NetworkMode = "none", Mounts = [new Mount { Type = "volume", Source = volume, Target = "/volume" }] },
        };
        var result = await helpers.RunAsync(volume, parameters, TimeSpan.FromMinutes(1), 4096, null, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new Drivers.DriverException($"{environment.SourceFile}: service '{service.Name}': cannot give the shared volume {volume} to user {service.User}: {result.Summary}");
        }
    }

    /// <summary>Removes every volume labelled with the environment; returns their names.</summary>
    public async Task<IReadOnlyList<string>> RemoveAllAsync(EnvironmentSpec environment, CancellationToken cancellationToken)
    {
        var parameters = new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerLabels.Environment}={environment.Name}"] = true } },
        };
        var listed = await engine.CallAsync("list volumes of " + environment.Name, (c, ct) => c.Volumes.ListAsync(parameters, ct), cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var volume in listed.Volumes ?? [])
        {
            await engine.CallOrDefaultOnNotFoundAsync(
                "remove volume " + volume.Name,
                async (c, ct) =>
                {
                    await c.Volumes.RemoveAsync(volume.Name, force: false, ct).ConfigureAwait(false);
                    return volume.Name;
                },
                cancellationToken).ConfigureAwait(false);
            removed.Add(volume.Name);
        }

        return removed;
    }

    private async Task CreateAsync(string name, Dictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var existing = await engine.CallOrDefaultOnNotFoundAsync("inspect volume " + name, (c, ct) => c.Volumes.InspectAsync(name, ct), cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await engine.CallAsync("create volume " + name, (c, ct) => c.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = labels }, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, string> Labels(EnvironmentSpec environment, ServiceSpec service, string kind, int? index)
    {
        var labels = new Dictionary<string, string>
        {
            [DockerLabels.Environment] = environment.Name,
            [DockerLabels.Service] = service.Name,
            [DockerLabels.Volume] = kind,
        };
        if (index is { } i)
        {
            labels[DockerLabels.Instance] = i.ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }
}
