using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// Finishes a recreate that a dead runner left halfway. If only the set-aside (old) container exists, it is
/// renamed back and started: the instance is as it was. If the new container exists but was never started (the
/// runner died between its create, the copy of its files and its start), the recreate did not happen: the new one is
/// removed and the old one renamed back and started, as above. (Keeping it left an instance nobody starts: the undo
/// recreated it "as it was", not running, and waited for it to become healthy until the restore failed.) If the new
/// container has started, the old one is removed: the new one carries the instance from here on (and an undo resets
/// its settings).
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
        if (current is { State.Status: "created" })
        {
            await engine.CallAsync("remove unstarted " + name, (c, ct) => c.Containers.RemoveContainerAsync(current.ID, new ContainerRemoveParameters { Force = true }, ct), cancellationToken).ConfigureAwait(false);
            current = null;
        }

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
