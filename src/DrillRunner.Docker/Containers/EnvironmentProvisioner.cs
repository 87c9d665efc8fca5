using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Docker.Images;
using DrillRunner.Docker.Storage;
using DrillRunner.Drivers;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Containers;

/// <summary><c>env up</c> and <c>env down</c>: create what is missing, start what is stopped, remove only what is labelled.</summary>
internal sealed class EnvironmentProvisioner(
    InstanceCatalog catalog, InstanceWaiter waiter, LocalImageBuilder images, DockerEngine engine, DockerDriverOptions options, ContainerFiles files, OneOffContainer helpers)
{
    private readonly NetworkProvisioner _network = new(engine);
    private readonly DataVolumes _volumes = new(engine);

    public async Task UpAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var environment = catalog.Environment;
        await _network.EnsureAsync(environment, progress, cancellationToken).ConfigureAwait(false);
        foreach (var service in environment.Services.Values)
        {
            if (service.Selector is not null)
            {
                var adopted = await catalog.ListServiceAsync(service, cancellationToken).ConfigureAwait(false);
                progress.Report($"{service.Name}: adopts {adopted.Count} existing container(s)");
                continue;
            }

            if (string.IsNullOrEmpty(service.Image))
            {
                progress.Report($"{service.Name}: no image, skipped by the docker driver");
                continue;
            }

            var image = await images.EnsureAsync(environment, service, progress, cancellationToken).ConfigureAwait(false);
            var ids = new List<string>();
            for (var index = 1; index <= service.Instances; index++)
            {
                await _volumes.EnsureAsync(environment, service, index, cancellationToken).ConfigureAwait(false);
            }

            await DataVolumes.OwnSharedAsync(helpers, image, environment, service, cancellationToken).ConfigureAwait(false);
            for (var index = 1; index <= service.Instances; index++)
            {
                ids.Add(await EnsureInstanceAsync(environment, service, index, image, progress, cancellationToken).ConfigureAwait(false));
            }

            foreach (var id in ids)
            {
                await waiter.WaitUntilReadyAsync(id, options.StartTimeout, cancellationToken).ConfigureAwait(false);
            }

            progress.Report($"{service.Name}: {ids.Count} instance(s) ready");
        }
    }

    public async Task DownAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        // A program of the environment (an autoscaler) may add a container while the others go: list again until
        // nothing of the environment is left.
        for (var round = 0; round < 5; round++)
        {
            var containers = await catalog.ListEnvironmentAsync(cancellationToken).ConfigureAwait(false);
            if (containers.Count == 0)
            {
                break;
            }

            await RemoveAsync(containers, progress, cancellationToken).ConfigureAwait(false);
        }

        // The data goes with the environment, as the local driver's state folder does.
        foreach (var volume in await _volumes.RemoveAllAsync(catalog.Environment, cancellationToken).ConfigureAwait(false))
        {
            progress.Report($"removed volume {volume}");
        }
    }

    private async Task RemoveAsync(IList<ContainerListResponse> containers, IProgress<string> progress, CancellationToken cancellationToken)
    {
        foreach (var container in containers)
        {
            var name = InstanceCatalog.NameOf(container);
            await engine.CallOrDefaultOnNotFoundAsync(
                "remove " + name,
                async (c, ct) =>
                {
                    await c.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct).ConfigureAwait(false);
                    return name;
                },
                cancellationToken).ConfigureAwait(false);
            progress.Report($"removed {name}");
        }

        await _network.RemoveAsync(catalog.Environment, progress, cancellationToken).ConfigureAwait(false);
    }

    // A clone names its image by id (tags move): same image if the tag points at that id.
    private async Task<bool> RunsAsync(string imageId, string image, CancellationToken cancellationToken) =>
        (await engine.CallOrDefaultOnNotFoundAsync("inspect image " + image, (c, ct) => c.Images.InspectImageAsync(image, ct), cancellationToken).ConfigureAwait(false))?.ID == imageId;

    private async Task<string> EnsureInstanceAsync(
        EnvironmentSpec environment, ServiceSpec service, int index, string image, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var id = InstanceSettings.InstanceId(environment, service, index);
        var existing = await catalog.FindAsync(id, cancellationToken).ConfigureAwait(false);
        string containerId;
        if (existing is { } found)
        {
            containerId = found.Container.ID;
            if (found.Container.State is { Paused: true })
            {
                await engine.CallAsync("unpause " + id, (c, ct) => c.Containers.UnpauseContainerAsync(containerId, ct), cancellationToken).ConfigureAwait(false);
                return id;
            }

            if (found.Container.Config.Image != image && !await RunsAsync(found.Container.Image, image, cancellationToken).ConfigureAwait(false))
            {
                progress.Report($"{id} runs image {found.Container.Config.Image}, not {image}; `env down` then `env up` replaces it");
            }

            if (found.Container.State is { Running: true } or { Restarting: true })
            {
                return id;
            }
        }
        else
        {
            foreach (var port in InstanceSettings.AllPortsOf(service, index))
            {
                PortGuard.ThrowIfInUse(port, id);
            }

            var parameters = ContainerTemplate.ForInstance(environment, service, index, image);
            var created = await engine.CallAsync("create " + id, (c, ct) => c.Containers.CreateContainerAsync(parameters, ct), cancellationToken, retry: false).ConfigureAwait(false);
            containerId = created.ID;
            await files.CopyInAsync(containerId, id, ContainerTemplate.FilesFor(environment, service, index), cancellationToken).ConfigureAwait(false);
        }

        await engine.CallAsync("start " + id, (c, ct) => c.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), ct), cancellationToken).ConfigureAwait(false);
        progress.Report($"started {id}");
        return id;
    }
}
