using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary>
/// <see cref="IInstanceData"/>: an instance's <c>{data}</c> folder under the state folder, set aside by renaming it into
/// <c>data/.set-aside/</c> of the same filesystem (instant, whatever the size), then replaced by an empty folder for the
/// service's user. Every move refuses while any process of the instance runs.
/// </summary>
internal sealed partial class LocalDriver : IInstanceData
{
    public Task<DataLocation?> LocateAsync(string instanceId, string asideName, CancellationToken cancellationToken)
    {
        var launch = RecordOf(instanceId).Launch;
        return Task.FromResult(launch.DataDirectory is not { } data
            ? null
            : new DataLocation(
                instanceId,
                data,
                StateFiles.SetAsidePath(_stateDirectory, asideName, instanceId),
                StateFiles.KeptPath(_stateDirectory, asideName, instanceId),
                launch.SharedDirectory));
    }

    public Task<DataFolderState> InspectAsync(DataLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var exists = Directory.Exists(location.Path);
        return Task.FromResult(new DataFolderState(
            exists, !exists || !Directory.EnumerateFileSystemEntries(location.Path).Any(), Directory.Exists(location.SetAside), Directory.Exists(location.Kept)));
    }

    public async Task SetAsideAsync(DataLocation location, CancellationToken cancellationToken)
    {
        var launch = RequireStopped(location).Launch;
        var state = await InspectAsync(location, cancellationToken);
        if (state.SetAsideExists)
        {
            if (state.HasData)
            {
                throw new DriverException($"{location.Instance}: {location.Path} has data and a copy is already set aside at {location.SetAside}; not overwriting either");
            }
        }
        else
        {
            StateFiles.EnsurePrivateFolder(Path.GetDirectoryName(location.SetAside)!);
            if (state.DataExists)
            {
                Directory.Move(location.Path, location.SetAside);
            }
            else
            {
                throw new DriverException($"{location.Instance}: there is no data folder at {location.Path} to set aside");
            }
        }

        // The empty folder the runbook restores into, owned by the service's user as at env up.
        DataFolders.Ensure(launch);
    }

    public async Task PutBackAsync(DataLocation location, CancellationToken cancellationToken)
    {
        RequireStopped(location);
        var state = await InspectAsync(location, cancellationToken);
        if (!state.SetAsideExists)
        {
            if (state.HasData)
            {
                return; // Put back already.
            }

            throw new DriverException($"{location.Instance}: the set-aside copy {location.SetAside} is gone; nothing to put back");
        }

        // Whatever the runbook left (a partial restore) goes; the original takes its place.
        if (state.DataExists)
        {
            Directory.Delete(location.Path, recursive: true);
        }

        Directory.Move(location.SetAside, location.Path);
    }

    public async Task KeepAsync(DataLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var state = await InspectAsync(location, cancellationToken);
        if (state.SetAsideExists && !state.KeptExists)
        {
            StateFiles.EnsurePrivateFolder(Path.GetDirectoryName(location.Kept)!);
            Directory.Move(location.SetAside, location.Kept);
        }
        else if (!state.KeptExists)
        {
            throw new DriverException($"{location.Instance}: no set-aside copy at {location.SetAside} to keep");
        }
    }

    public Task RemoveSetAsideAsync(DataLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (Directory.Exists(location.SetAside))
        {
            Directory.Delete(location.SetAside, recursive: true);
        }

        return Task.CompletedTask;
    }

    private InstanceRecord RequireStopped(DataLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var record = RecordOf(location.Instance);
        var main = ProcStat.ReadAlive(record.Pid, record.PidStartTicks) is null ? null : record.Pid;
        var running = InstanceProcesses.Find(location.Instance, main);
        return running.Count == 0
            ? record
            : throw new DriverException($"{location.Instance} still runs ({string.Join("; ", running.Take(5).Select(p => $"pid {p} {InstanceProcesses.CommandLine(p)}"))}): its data folder cannot be moved");
    }

    private InstanceRecord RecordOf(string instanceId) =>
        Records().FirstOrDefault(r => r.Launch.Id == instanceId)
        ?? throw new DriverException($"no instance '{instanceId}' in environment '{_environment.Name}'");
}
