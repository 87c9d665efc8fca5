using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Images;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Storage;

/// <summary>
/// <see cref="IInstanceData"/> on Docker: an instance's data folder lives in its data volume (<see cref="DataVolumes"/>),
/// beside <c>.set-aside/</c> and <c>.kept/</c>, so setting it aside is a rename (instant, whatever the size). A stopped
/// container's filesystem cannot be changed through the API, so every look and move is a short-lived helper container
/// (<see cref="OneOffContainer"/>) of the instance's own image, as root, with no network, mounting only that volume.
/// Moves refuse while the instance's container runs, and first remove helpers of the instance a dead runner left
/// (a restore still writing into the folder). Every script is idempotent: redone after a crash at any line, it ends
/// where it would have.
/// </summary>
internal sealed class VolumeData(InstanceCatalog catalog, OneOffContainer helpers)
{
    private const string VolumeMount = "/volume";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // Exit codes of the scripts; 0-15 of Inspect are its state bits.
    private const int HasDataAndCopy = 20;
    private const int NoData = 21;
    private const int NoCopy = 22;
    private const int NothingToKeep = 23;

    private const string InspectScript =
        "s=0; [ -d \"$1\" ] && s=$((s|1)); [ -n \"$(ls -A \"$1\" 2>/dev/null)\" ] && s=$((s|2)); [ -d \"$2\" ] && s=$((s|4)); [ -d \"$3\" ] && s=$((s|8)); exit $s";

    // The empty folder takes the original's owner and mode, as the service's user made it at its first start.
    private const string SetAsideScript =
        "set -e; if [ -d \"$2\" ]; then [ -z \"$(ls -A \"$1\" 2>/dev/null)\" ] || exit 20; else [ -d \"$1\" ] || exit 21; mkdir -p \"${2%/*}\"; mv \"$1\" \"$2\"; fi; "
        + "mkdir -p \"$1\"; chown --reference=\"$2\" \"$1\"; chmod --reference=\"$2\" \"$1\"";

    private const string PutBackScript =
        "set -e; if [ ! -d \"$2\" ]; then [ -n \"$(ls -A \"$1\" 2>/dev/null)\" ] && exit 0; exit 22; fi; rm -rf \"$1\"; mv \"$2\" \"$1\"";

    private const string KeepScript =
        "set -e; if [ -d \"$3\" ]; then exit 0; fi; [ -d \"$2\" ] || exit 23; mkdir -p \"${3%/*}\"; mv \"$2\" \"$3\"";

    private const string RemoveScript = "rm -rf \"$2\"";

    public async Task<DataLocation?> LocateAsync(string instanceId, string asideName, CancellationToken cancellationToken)
    {
        var (container, service) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (ContainerTemplate.DataDirectoryOf(service, instanceId) is not { } path)
        {
            return null;
        }

        var volume = DataVolumes.DataVolumeIn(container)
            ?? throw new DriverException($"{instanceId} was created without a data volume (before this version of the driver): `env down` then `env up` recreates it with one");
        return new DataLocation(
            instanceId,
            path,
            $"{DebianRootfs.DataRoot}/.set-aside/{asideName}/{instanceId}",
            $"{DebianRootfs.DataRoot}/.kept/{asideName}/{instanceId}",
            ContainerTemplate.SharedDirectoryOf(service),
            volume);
    }

    public async Task<DataFolderState> InspectAsync(DataLocation location, CancellationToken cancellationToken)
    {
        var result = await RunAsync(location, InspectScript, readOnly: true, cancellationToken).ConfigureAwait(false);
        var exit = result.ExitCode!.Value;
        return exit is < 0 or > 15
            ? throw new DriverException($"{location.Instance}: looking at {location} failed (exit {exit}): {result.StandardError.Trim()}")
            : new DataFolderState((exit & 1) != 0, (exit & 2) == 0, (exit & 4) != 0, (exit & 8) != 0);
    }

    public async Task SetAsideAsync(DataLocation location, CancellationToken cancellationToken)
    {
        await RequireStoppedAsync(location, cancellationToken).ConfigureAwait(false);
        Check(location, "set aside", await RunAsync(location, SetAsideScript, readOnly: false, cancellationToken).ConfigureAwait(false));
    }

    public async Task PutBackAsync(DataLocation location, CancellationToken cancellationToken)
    {
        await RequireStoppedAsync(location, cancellationToken).ConfigureAwait(false);
        Check(location, "put back", await RunAsync(location, PutBackScript, readOnly: false, cancellationToken).ConfigureAwait(false));
    }

    // Keeping and removing the copy touch neither the data folder nor the instance: they run beside a restored service.
    public async Task KeepAsync(DataLocation location, CancellationToken cancellationToken) =>
        Check(location, "keep", await RunAsync(location, KeepScript, readOnly: false, cancellationToken).ConfigureAwait(false));

    public async Task RemoveSetAsideAsync(DataLocation location, CancellationToken cancellationToken) =>
        Check(location, "remove the set-aside copy", await RunAsync(location, RemoveScript, readOnly: false, cancellationToken).ConfigureAwait(false));

    private static void Check(DataLocation location, string what, ExecResult result)
    {
        var problem = result.ExitCode switch
        {
            0 => null,
            HasDataAndCopy => $"{location.Path} has data and a copy is already set aside at {location.SetAside}; not overwriting either",
            NoData => $"there is no data folder at {location.Path} to set aside",
            NoCopy => $"the set-aside copy {location.SetAside} is gone; nothing to put back",
            NothingToKeep => $"no set-aside copy at {location.SetAside} to keep",
            _ => $"{what} failed (exit {result.ExitCode}): {result.StandardError.Trim()}",
        };
        if (problem is not null)
        {
            throw new DriverException($"{location.Instance}: {problem} (volume {location.Volume})");
        }
    }

    private async Task RequireStoppedAsync(DataLocation location, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(location.Instance, cancellationToken).ConfigureAwait(false);
        if (container.State is { Running: true } or { Restarting: true } or { Paused: true })
        {
            throw new DriverException($"{location.Instance} still runs (container {container.State.Status}): its data folder cannot be moved");
        }

        await helpers.RemoveLeftoversAsync(location.Instance, cancellationToken).ConfigureAwait(false);
    }

    // The paths are the container's; the helper mounts the volume elsewhere and gets them rebased as arguments.
    private async Task<ExecResult> RunAsync(DataLocation location, string script, bool readOnly, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(location.Instance, cancellationToken).ConfigureAwait(false);
        if (location.Volume is not { } volume)
        {
            throw new DriverException($"{location.Instance}: the record names no volume ({location})");
        }

        var parameters = new CreateContainerParameters
        {
            Image = string.IsNullOrEmpty(container.Image) ? container.Config.Image : container.Image,
            User = "0",
            Entrypoint = ["/bin/sh", "-c", script, "sh", Rebase(location.Path), Rebase(location.SetAside), Rebase(location.Kept)],
            Cmd = [],
            Labels = OneOffContainer.Labels(catalog.Environment.Name, location.Instance),
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                Mounts = [new Mount { Type = "volume", Source = volume, Target = VolumeMount, ReadOnly = readOnly }],
            },
        };
        var result = await helpers.RunAsync(location.Instance, parameters, Timeout, ExecRequest.DefaultTailBytes, null, cancellationToken).ConfigureAwait(false);
        return result.ExitCode is null
            ? throw new DriverException($"{location.Instance}: the helper on volume {volume} did not finish within {Timeout.TotalSeconds:0} s")
            : result;
    }

    private static string Rebase(string path) =>
        path.StartsWith(DebianRootfs.DataRoot + "/", StringComparison.Ordinal)
            ? VolumeMount + path[DebianRootfs.DataRoot.Length..]
            : throw new DriverException($"{path} is not in the data volume ({DebianRootfs.DataRoot})");
}
