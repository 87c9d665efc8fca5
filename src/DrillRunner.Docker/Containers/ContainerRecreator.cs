using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// Docker cannot change a container's environment in place, so reconfigure recreates it: set the old one aside
/// (rename, stop), create and start the new one under the same name, then remove the old one. Any failure
/// before the removal puts the old container back as it was.
/// </summary>
internal sealed class ContainerRecreator(InstanceCatalog catalog, DockerEngine engine, DockerDriverOptions options, ContainerFiles files)
{
    public async Task ReconfigureAsync(string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        // A recreate a dead runner left halfway would block this one's rename: finish it first.
        await SetAsideHealer.HealAsync(engine, instanceId, cancellationToken).ConfigureAwait(false);
        var (old, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var env = InstanceReader.EnvOf(old.Config.Env);
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                env.Remove(key);
            }
            else
            {
                env[key] = value;
            }
        }

        var parameters = ContainerTemplate.Clone(old, instanceId, [.. env.Select(kv => $"{kv.Key}={kv.Value}")]);
        await ReplaceAsync(old, parameters, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplaceAsync(ContainerInspectResponse old, CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        var name = parameters.Name;
        var wasRunning = old.State is { Running: true };
        var setAside = name + DockerLabels.SetAsideSuffix;
        string? created = null;
        await engine.CallAsync("rename " + name, (c, ct) => c.Containers.RenameContainerAsync(old.ID, new ContainerRenameParameters { NewName = setAside }, ct), cancellationToken).ConfigureAwait(false);
        try
        {
            // Stopped first: with host networking the new container binds the same port.
            await StopAsync(old.ID, cancellationToken).ConfigureAwait(false);
            var response = await engine.CallAsync("create " + name, (c, ct) => c.Containers.CreateContainerAsync(parameters, ct), cancellationToken, retry: false).ConfigureAwait(false);
            created = response.ID;
            await files.CopyFolderAsync(old.ID, response.ID, name, cancellationToken).ConfigureAwait(false);
            if (wasRunning)
            {
                await engine.CallAsync("start " + name, (c, ct) => c.Containers.StartContainerAsync(response.ID, new ContainerStartParameters(), ct), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is DriverException or OperationCanceledException)
        {
            await RollBackAsync(old.ID, created, name, wasRunning).ConfigureAwait(false);
            throw;
        }

        await engine.CallAsync("remove " + setAside, (c, ct) => c.Containers.RemoveContainerAsync(old.ID, new ContainerRemoveParameters { Force = true }, ct), cancellationToken).ConfigureAwait(false);
    }

    // Runs even when the caller gave up: leaving the instance renamed would lose it.
    private async Task RollBackAsync(string oldId, string? createdId, string name, bool wasRunning)
    {
        if (createdId is not null)
        {
            await engine.CallAsync("remove failed " + name, (c, ct) => c.Containers.RemoveContainerAsync(createdId, new ContainerRemoveParameters { Force = true }, ct), CancellationToken.None).ConfigureAwait(false);
        }

        await engine.CallAsync("rename back " + name, (c, ct) => c.Containers.RenameContainerAsync(oldId, new ContainerRenameParameters { NewName = name }, ct), CancellationToken.None).ConfigureAwait(false);
        if (wasRunning)
        {
            await engine.CallAsync("restart old " + name, (c, ct) => c.Containers.StartContainerAsync(oldId, new ContainerStartParameters(), ct), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task StopAsync(string id, CancellationToken cancellationToken) =>
        await engine.CallAsync(
            "stop " + id,
            (c, ct) => c.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)options.StopGraceSeconds }, ct),
            cancellationToken).ConfigureAwait(false);
}
