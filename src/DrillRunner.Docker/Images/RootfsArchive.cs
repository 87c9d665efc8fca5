using System.Formats.Tar;
using System.Text;

namespace DrillRunner.Docker.Images;

/// <summary>
/// A minimal root filesystem as a tar: the publish output under <c>/app</c>, the host libraries it links,
/// a few <c>/etc</c> files and a world-writable <c>/tmp</c>. No shell, no package manager.
/// </summary>
internal static class RootfsArchive
{
    public const string AppFolder = "app";

    private const UnixFileMode Directory755 =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode File644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly (string Path, string Content)[] EtcFiles =
    [
        ("etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n"),
        ("etc/group", "root:x:0:\nnogroup:x:65534:\n"),
        ("etc/nsswitch.conf", "hosts: files dns\n"),
    ];

    public static async Task WriteAsync(Stream destination, PublishedApp app, IEnumerable<string> libraries, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var directories = new SortedSet<string>(StringComparer.Ordinal) { "etc", "root", AppFolder };
            var files = new List<(string Source, string Entry, UnixFileMode Mode)>();
            foreach (var (source, imagePath) in app.RuntimeTrees.Prepend(new RuntimeTree(app.Folder, AppFolder)))
            {
                foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
                {
                    var entry = $"{imagePath}/{Path.GetRelativePath(source, file).Replace('\\', '/')}";
                    files.Add((file, entry, OperatingSystem.IsWindows() ? File644 : File.GetUnixFileMode(file)));
                }
            }

            // Written as regular files at the path ldd printed, so symlinked loader paths resolve inside the image.
            files.AddRange(libraries.Select(library => (library, library.TrimStart('/'), Directory755)));
            foreach (var (_, entry, _) in files)
            {
                for (var parent = Path.GetDirectoryName(entry); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
                {
                    directories.Add(parent.Replace('\\', '/'));
                }
            }

            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = Directory755 | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.StickyBit }, cancellationToken).ConfigureAwait(false);
            foreach (var directory in directories)
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, directory + "/") { Mode = Directory755 }, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (path, content) in EtcFiles)
            {
                using var data = new MemoryStream(Encoding.UTF8.GetBytes(content));
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = File644, DataStream = data }, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (source, entry, mode) in files)
            {
                var data = File.OpenRead(source);
                await using (data.ConfigureAwait(false))
                {
                    await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry) { Mode = mode, DataStream = data }, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
