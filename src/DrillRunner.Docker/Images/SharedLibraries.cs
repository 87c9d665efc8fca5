using System.Text.RegularExpressions;

namespace DrillRunner.Docker.Images;

/// <summary>
/// The host's shared libraries a self-contained app needs: what <c>ldd</c> lists for its native files, plus
/// OpenSSL, which the runtime loads with dlopen so ldd cannot see it.
/// </summary>
internal static partial class SharedLibraries
{
    private static readonly string[] LoadedAtRunTime = ["libssl.so.3", "libcrypto.so.3"];

    private static readonly string[] LibraryFolders = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"];

    public static async Task<IReadOnlyList<string>> ResolveAsync(PublishedApp app, CancellationToken cancellationToken)
    {
        var folders = app.RuntimeTrees.Select(t => Path.GetFullPath(t.Source)).Prepend(Path.GetFullPath(app.Folder)).ToList();
        var binaries = folders.SelectMany(f => Directory.GetFiles(f, "*.so")).Append(Path.Combine(app.Folder, app.Entrypoint)).ToList();
        binaries.AddRange(LoadedAtRunTime.Select(Find).OfType<string>());
        var output = await ProcessRunner.RunAsync("ldd", binaries, cancellationToken).ConfigureAwait(false);
        bool Packaged(string path) => folders.Any(f => Path.GetFullPath(path).StartsWith(f, StringComparison.Ordinal));
        return [.. LibraryPath().Matches(output)
            .Select(m => m.Groups["path"].Value)
            .Concat(binaries)
            .Where(p => !Packaged(p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static string? Find(string library) =>
        LibraryFolders.Select(folder => Path.Combine(folder, library)).FirstOrDefault(File.Exists);

    // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)"
    [GeneratedRegex(@"(?:=>\s+|^\s+)(?<path>/\S+)\s+\(0x", RegexOptions.Multiline)]
    private static partial Regex LibraryPath();
}
