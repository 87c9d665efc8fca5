using System.Formats.Tar;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// Files in containers through the engine's archive API (a tar stream each way), so it works on a remote engine and
/// in an image without a shell. A write replaces the file whole, keeping its mode and owner. The service's rendered
/// config files go to <see cref="Folder"/> before a container first starts.
/// </summary>
internal sealed class ContainerFiles(InstanceCatalog catalog, DockerEngine engine)
{
    /// <summary>The instance's files folder in its container, <c>{files}</c> in args and settings.</summary>
    public const string Folder = "/drillrunner/files";

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public async Task<byte[]?> ReadAsync(string instanceId, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var entry = await ReadEntryAsync(container.ID, instanceId, path, maxBytes, cancellationToken).ConfigureAwait(false);
        return entry?.Content;
    }

    public async Task WriteAsync(string instanceId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var (container, _) = await catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var existing = await ReadEntryAsync(container.ID, instanceId, path, long.MaxValue, cancellationToken).ConfigureAwait(false);
        var folder = path[..Math.Max(1, path.LastIndexOf('/'))];
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path[(path.LastIndexOf('/') + 1)..])
        {
            Mode = existing?.Mode ?? FileMode,
            Uid = existing?.Uid ?? 0,
            Gid = existing?.Gid ?? 0,
            DataStream = new MemoryStream(content.ToArray()),
        };
        await ExtractAsync(container.ID, $"write {path} of {instanceId}", folder, [entry], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes rendered files (paths relative to <see cref="Folder"/>) into a created container.</summary>
    public async Task CopyInAsync(string containerId, string instanceId, IReadOnlyList<(string Path, byte[] Content)> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        var entries = new List<TarEntry>();
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, _) in files)
        {
            var relative = Model.InstanceFiles.Resolve(Folder, path).TrimStart('/');
            for (var slash = relative.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = relative.IndexOf('/', slash + 1))
            {
                folders.Add(relative[..slash]);
            }
        }

        entries.AddRange(folders.Select(f => new PaxTarEntry(TarEntryType.Directory, f + "/") { Mode = FolderMode }));
        entries.AddRange(files.Select(f => new PaxTarEntry(TarEntryType.RegularFile, Model.InstanceFiles.Resolve(Folder, f.Path).TrimStart('/'))
        {
            Mode = FileMode,
            DataStream = new MemoryStream(f.Content),
        }));
        await ExtractAsync(containerId, $"copy config files into {instanceId}", "/", entries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies the files folder of one container into another (a recreate keeps what a fault changed).</summary>
    public async Task CopyFolderAsync(string fromContainerId, string toContainerId, string instanceId, CancellationToken cancellationToken)
    {
        var archive = await engine.CallOrDefaultOnNotFoundAsync(
            $"read {Folder} of {instanceId}",
            (c, ct) => c.Containers.GetArchiveFromContainerAsync(fromContainerId, new GetArchiveFromContainerParameters { Path = Folder }, statOnly: false, ct),
            cancellationToken).ConfigureAwait(false);
        if (archive is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        await using (archive.Stream.ConfigureAwait(false))
        {
            await archive.Stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        await engine.CallAsync(
            $"copy {Folder} into the new {instanceId}",
            (c, ct) => c.Containers.ExtractArchiveToContainerAsync(toContainerId, new ContainerPathStatParameters { Path = Folder[..Folder.LastIndexOf('/')] }, buffer, ct),
            cancellationToken,
            retry: false).ConfigureAwait(false);
    }

    private async Task<FileEntry?> ReadEntryAsync(string containerId, string instanceId, string path, long maxBytes, CancellationToken cancellationToken)
    {
        return await engine.CallAsync<FileEntry?>(
            $"read {path} of {instanceId}",
            async (c, ct) =>
            {
                GetArchiveFromContainerResponse response;
                try
                {
                    response = await c.Containers.GetArchiveFromContainerAsync(containerId, new GetArchiveFromContainerParameters { Path = path }, statOnly: false, ct).ConfigureAwait(false);
                }
                catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                if (response.Stat is { } stat && stat.Size > maxBytes)
                {
                    throw new DriverException($"{path} of {instanceId} is {stat.Size} bytes, more than the {maxBytes} a config file may have");
                }

                // The whole (small) archive first: the engine's stream is not one a tar reader may seek in.
                using var archive = new MemoryStream();
                await using (response.Stream.ConfigureAwait(false))
                {
                    await response.Stream.CopyToAsync(archive, ct).ConfigureAwait(false);
                }

                archive.Position = 0;
                using var tar = new TarReader(archive);
                var entry = await tar.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false)
                    ?? throw new DriverException($"{path} of {instanceId}: the engine sent an empty archive");
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    throw new DriverException($"{path} of {instanceId} is not a regular file ({entry.EntryType})");
                }

                using var content = new MemoryStream();
                if (entry.DataStream is not null)
                {
                    await entry.DataStream.CopyToAsync(content, ct).ConfigureAwait(false);
                }

                return new FileEntry(content.ToArray(), entry.Mode, entry.Uid, entry.Gid);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ExtractAsync(string containerId, string operation, string folder, IReadOnlyList<TarEntry> entries, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new TarWriter(buffer, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }

        await engine.CallAsync(
            operation,
            (c, ct) =>
            {
                buffer.Position = 0;
                return c.Containers.ExtractArchiveToContainerAsync(containerId, new ContainerPathStatParameters { Path = folder, AllowOverwriteDirWithFile = false }, buffer, ct);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private sealed record FileEntry(byte[] Content, UnixFileMode Mode, int Uid, int Gid);
}
