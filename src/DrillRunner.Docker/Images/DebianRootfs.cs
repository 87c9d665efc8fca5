using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DrillRunner.Drivers;
using DrillRunner.Model;

namespace DrillRunner.Docker.Images;

/// <summary>
/// What goes into a Debian image and how mmdebstrap makes its root filesystem: the packages (from this machine's
/// apt sources, for this machine's release), an empty world-writable <see cref="DataRoot"/> for the instances' data,
/// and the environment's listed files under <see cref="WorkingDirectory"/>. Its hash names the image.
/// </summary>
internal sealed record DebianRootfs(IReadOnlyList<string> Packages, IReadOnlyList<(string Source, string Relative)> Files, string Suite)
{
    public const string WorkingDirectory = "/srv/drillrunner";
    public const string DataRoot = "/var/lib/drillrunner";
    private const string Mmdebstrap = "mmdebstrap";
    private static readonly string[] SourceFiles = ["/etc/apt/sources.list", "/etc/apt/sources.list.d/debian.sources"];

    public static DebianRootfs For(EnvironmentSpec environment, ImageBuildSpec build)
    {
        var files = build.Files.Select(f => (Path.GetFullPath(Path.Combine(environment.BaseDirectory, f)), f.Trim('/'))).ToList();
        foreach (var (source, relative) in files.Where(f => !File.Exists(f.Item1) && !Directory.Exists(f.Item1)))
        {
            throw new DriverException($"build.files of environment '{environment.Name}': '{relative}' does not exist ({source})");
        }

        return new DebianRootfs([.. build.Debian.Order(StringComparer.Ordinal)], files, HostSuite());
    }

    /// <summary>Content hash: packages, release and every listed file's path and bytes.</summary>
    public string Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"debian\0{Suite}\0{string.Join(',', Packages)}\0"));
        foreach (var (source, relative) in Files)
        {
            var paths = Directory.Exists(source)
                ? Directory.GetFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[source];
            foreach (var file in paths)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{relative}/{Path.GetRelativePath(source, file)}\0"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>Writes the root filesystem tar with mmdebstrap (about a minute).</summary>
    public async Task WriteAsync(string tarPath, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "--variant=minbase",
            "--include=" + string.Join(',', Packages),
            // postgresql-common would create and start a 'main' cluster in the image: none is wanted.
            "--essential-hook=mkdir -p \"$1/etc/postgresql-common/createcluster.d\" && echo 'create_main_cluster = false' > \"$1/etc/postgresql-common/createcluster.d/drillrunner.conf\"",
            $"--customize-hook=mkdir -p -m 1777 \"$1{DataRoot}\" && mkdir -p \"$1{WorkingDirectory}\"",
        ];
        foreach (var (source, relative) in Files)
        {
            arguments.Add(Directory.Exists(source)
                ? $"--customize-hook=mkdir -p \"$1{WorkingDirectory}/{relative}\" && cp -a '{source}/.' \"$1{WorkingDirectory}/{relative}/\""
                : $"--customize-hook=mkdir -p \"$(dirname \"$1{WorkingDirectory}/{relative}\")\" && cp -a '{source}' \"$1{WorkingDirectory}/{relative}\"");
        }

        arguments.Add("--customize-hook=chmod -R a+rX \"$1" + WorkingDirectory + "\"");
        arguments.Add(Suite);
        arguments.Add(tarPath);
        arguments.AddRange(SourceFiles.Where(f => File.Exists(f) && new FileInfo(f).Length > 0));
        await ProcessRunner.RunAsync(Mmdebstrap, arguments, cancellationToken).ConfigureAwait(false);
    }

    private static string HostSuite()
    {
        const string file = "/etc/os-release";
        var line = File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("VERSION_CODENAME=", StringComparison.Ordinal)) : null;
        return line is null
            ? throw new DriverException($"cannot tell this machine's Debian release ({file} has no VERSION_CODENAME); Debian images are built for it")
            : line["VERSION_CODENAME=".Length..].Trim('"').ToLower(CultureInfo.InvariantCulture);
    }
}
