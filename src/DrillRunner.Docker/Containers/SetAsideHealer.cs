using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// Finishes a recreate that a dead runner left halfway. If only the set-aside (old) container exists, it is
/// renamed back and started: the instance is as it was. If the new container exists too, the old one is
/// removed: the new one carries the instance from here on (and an undo resets its settings).
/// </summary>
internal static class SetAsideHealer
{
    public static async Task<bool> HealAsync(DockerEngine engine, string name, CancellationToken cancellationToken)
    {
        var setAsideName = name + DockerLabels.SetAsideSuffix;
        var setAside = await Inspect(engine, setAsideName, cancellationToken).ConfigureAwait(false);
        if (setAside is null)
        {
            return false;
        }

        var current = await Inspect(engine, name, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            await engine.CallAsync("rename back " + setAsideName, (c, ct) => c.Containers.RenameContainerAsync(setAside.ID, new ContainerRenameParameters { NewName = name }, ct), cancellationToken).ConfigureAwait(false);
            await engine.CallAsync("start " + name, (c, ct) => c.Containers.StartContainerAsync(setAside.ID, new ContainerStartParameters(), ct), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await engine.CallAsync("remove " + setAsideName, (c, ct) => c.Containers.RemoveContainerAsync(setAside.ID, new ContainerRemoveParameters { Force = true }, ct), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static Task<ContainerInspectResponse?> Inspect(DockerEngine engine, string name, CancellationToken cancellationToken) =>
        engine.CallOrDefaultOnNotFoundAsync("inspect " + name, (c, ct) => c.Containers.InspectContainerAsync(name, ct), cancellationToken);
}
