using System.Globalization;
using DrillRunner.Docker.Containers;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Storage;

/// <summary>
/// <see cref="IMountFilling"/> for containers: the mount is read from the container's <c>/proc/PID/mountinfo</c> and
/// reached through <c>/proc/PID/root</c> from the host, so the image needs no tool. Fill files are named
/// <c>.drillrunner-fill-ENV-TAG</c> at the mount's root; only such files are ever deleted.
/// </summary>
internal sealed class MountFiller(InstanceCatalog catalog, Engine.DockerEngine engine)
{
    public const string FilePrefix = ".drillrunner-fill-";

    private const int ChunkSize = 1 << 20;

    public async Task<MountSpace> ReadMountAsync(string instanceId, string path, CancellationToken cancellationToken)
    {
        var (pid, mount) = await MountAsync(instanceId, path, cancellationToken).ConfigureAwait(false);
        var root = RootOf(pid, mount);
        var (total, free) = FileSystemSpace.Of(root);
        var filled = Directory.EnumerateFiles(root, FilePrefix + "*").Sum(f => new FileInfo(f).Length);
        return new MountSpace(mount.MountPoint, mount.Filesystem, total, free, filled, mount.WhyNotFillable());
    }

    public async Task<long> FillAsync(string instanceId, string path, string tag, long bytes, CancellationToken cancellationToken)
    {
        var (pid, mount) = await MountAsync(instanceId, path, cancellationToken).ConfigureAwait(false);
        if (mount.WhyNotFillable() is { } why)
        {
            throw new DriverException($"{instanceId}: refusing to fill {path}: {why}");
        }

        var file = Path.Combine(RootOf(pid, mount), FileName(tag));
        var buffer = new byte[ChunkSize];
        try
        {
            await using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0, useAsync: true);
            for (long written = 0; written < bytes; written += ChunkSize)
            {
                await stream.WriteAsync(buffer.AsMemory(0, (int)Math.Min(ChunkSize, bytes - written)), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException) when (File.Exists(file))
        {
            // Full before the level: the mount is as full as it gets, which is the fault.
        }

        return new FileInfo(file).Length;
    }

    public async Task<bool> RemoveFillAsync(string instanceId, string path, string tag, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (found is not { Container.State: { Running: true, Pid: > 0 } state })
        {
            // A stopped container's tmpfs is gone with its content; a volume is filled only while mounted.
            return false;
        }

        var pid = checked((int)state.Pid);
        var mount = MountInfo.Holding(MountInfo.Of(pid), path);
        var file = mount is null ? null : Path.Combine(RootOf(pid, mount), FileName(tag));
        if (file is null || !File.Exists(file))
        {
            return false;
        }

        File.Delete(file);
        return true;
    }

    /// <summary>Deletes every fill file of this environment on a running container's mounts; returns what it deleted.</summary>
    public IReadOnlyList<string> Sweep(string instanceId, int pid)
    {
        var removed = new List<string>();
        foreach (var mount in MountInfo.Of(pid).Where(m => m.WhyNotFillable() is null))
        {
            var root = RootOf(pid, mount);
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(root, FilePrefix + catalog.Environment.Name + "-*").ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                File.Delete(file);
                removed.Add($"{instanceId}: deleted {mount.MountPoint}/{Path.GetFileName(file)}");
            }
        }

        return removed;
    }

    private string FileName(string tag)
    {
        _ = Network.NetworkTags.Comment(catalog.Environment.Name, tag); // same rules as a network tag: no path characters
        return $"{FilePrefix}{catalog.Environment.Name}-{tag}";
    }

    private async Task<(int Pid, MountInfo Mount)> MountAsync(string instanceId, string path, CancellationToken cancellationToken)
    {
        if (!engine.IsLocal)
        {
            throw new DriverException($"disk-fill on {instanceId} needs the Docker engine on this machine (a unix socket), not {engine.Endpoint}");
        }

        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (container.State is not { Running: true, Pid: > 0 } state)
        {
            throw new DriverException($"{instanceId} is not running: its mounts cannot be reached");
        }

        var pid = checked((int)state.Pid);
        var mount = MountInfo.Holding(MountInfo.Of(pid), path)
            ?? throw new DriverException($"{instanceId}: no mount holds {path} (cannot read /proc/{pid.ToString(CultureInfo.InvariantCulture)}/mountinfo: is the runner root?)");
        return (pid, mount);
    }

    private static string RootOf(int pid, MountInfo mount) =>
        $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/root{(mount.MountPoint == "/" ? "" : mount.MountPoint)}";
}
