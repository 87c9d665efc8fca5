using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Model;

namespace DrillRunner.Docker.Images;

/// <summary>
/// A service image made of Debian packages with no registry: mmdebstrap writes the root filesystem, the engine
/// imports it, tagged with the content hash (<see cref="DebianRootfs.Hash"/>); a second build finds the tag and stops.
/// </summary>
internal sealed class DebianImageBuilder(DockerEngine engine, DockerDriverOptions options, TimeProvider timeProvider)
{
    public async Task<ImageReference> BuildAsync(
        EnvironmentSpec environment, ImageBuildSpec build, ImageReference image, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var rootfs = DebianRootfs.For(environment, build);
        var hashed = new ImageReference(image.Repository, rootfs.Hash());
        var folder = Path.Combine(options.ResolvedBuildCacheDirectory, "debian_" + string.Concat(image.Repository.Select(c => char.IsLetterOrDigit(c) ? c : '_')));
        using (await BuildFolderLock.AcquireAsync(folder, progress, timeProvider, cancellationToken).ConfigureAwait(false))
        {
            var started = timeProvider.GetTimestamp();
            var existing = await engine.CallOrDefaultOnNotFoundAsync("inspect image " + hashed, (c, ct) => c.Images.InspectImageAsync(hashed.ToString(), ct), cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                progress.Report($"building {hashed} from Debian packages ({string.Join(", ", rootfs.Packages)}) with mmdebstrap, about a minute");
                await ImportAsync(rootfs, folder, hashed, cancellationToken).ConfigureAwait(false);
                await new ImagePruner(engine).RemoveOlderBuildsAsync(hashed, image, cancellationToken).ConfigureAwait(false);
            }

            await engine.CallAsync(
                "tag " + image,
                (c, ct) => c.Images.TagImageAsync(hashed.ToString(), new ImageTagParameters { RepositoryName = image.Repository, Tag = image.Tag, Force = true }, ct),
                cancellationToken).ConfigureAwait(false);
            progress.Report($"image {hashed} {(existing is null ? "built" : "up to date")} in {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s");
            return hashed;
        }
    }

    private async Task ImportAsync(DebianRootfs rootfs, string folder, ImageReference hashed, CancellationToken cancellationToken)
    {
        var tarPath = Path.Combine(folder, hashed.Tag + ".tar");
        try
        {
            await rootfs.WriteAsync(tarPath, cancellationToken).ConfigureAwait(false);
            await ImageImporter.ImportTarAsync(engine, tarPath, hashed, [$"WORKDIR {DebianRootfs.WorkingDirectory}", "ENV LANG=C.UTF-8"], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(tarPath);
        }
    }
}
