using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Images;

/// <summary>
/// Makes a service's image exist without a registry: <c>dotnet publish</c> (see <see cref="AppPublisher"/>), a
/// minimal rootfs tar, imported through the API and tagged with the publish output's content hash. A second
/// build with nothing changed stops after the (incremental) publish and the hash.
/// </summary>
internal sealed class LocalImageBuilder(DockerEngine engine, DockerDriverOptions options, TimeProvider timeProvider)
{
    /// <summary>The image reference containers of <paramref name="service"/> should run.</summary>
    public async Task<string> EnsureAsync(EnvironmentSpec environment, ServiceSpec service, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(service.Image ?? throw new DriverException($"Service '{service.Name}' has no image."));
        if (service.Build is null)
        {
            var existing = await engine.CallOrDefaultOnNotFoundAsync("inspect image " + image, (c, ct) => c.Images.InspectImageAsync(image.ToString(), ct), cancellationToken).ConfigureAwait(false);
            return existing is not null
                ? image.ToString()
                : throw new DriverException($"Image '{image}' of service '{service.Name}' is not on the Docker engine at {engine.Endpoint}, and the service has no build; images are never pulled.");
        }

        var built = service.Build.Debian.Count > 0
            ? await new DebianImageBuilder(engine, options, timeProvider).BuildAsync(environment, service.Build, image, progress, cancellationToken).ConfigureAwait(false)
            : await BuildAsync(environment, service.Build, image, progress, cancellationToken).ConfigureAwait(false);
        return built.ToString();
    }

    public async Task<ImageReference> BuildAsync(
        EnvironmentSpec environment, ImageBuildSpec build, ImageReference image, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var project = ResolveProject(environment, build);
        var entrypoint = build.Entrypoint ?? Path.GetFileNameWithoutExtension(project);
        // One folder per repository and project: checkouts of the same repository (worktrees) must not share one, or
        // an incremental publish keeps the newer files another checkout copied there.
        var projectKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(project)))[..8];
        var folder = Path.Combine(options.ResolvedBuildCacheDirectory, string.Concat(image.Repository.Select(c => char.IsLetterOrDigit(c) ? c : '_')) + "_" + projectKey);
        // Two builds publishing into one folder at once would corrupt it.
        using (await BuildFolderLock.AcquireAsync(folder, progress, timeProvider, cancellationToken).ConfigureAwait(false))
        {
            var started = timeProvider.GetTimestamp();
            var app = await new AppPublisher(options).PublishAsync(project, folder, entrypoint, progress, cancellationToken).ConfigureAwait(false);

            // The host runtime is identified by its folders (they name the version), not hashed file by file.
            var salt = string.Join(';', app.RuntimeTrees.Select(t => t.Source));
            var hashed = new ImageReference(image.Repository, await PublishHash.ComputeAsync(app.Folder, salt, cancellationToken).ConfigureAwait(false));
            var existing = await engine.CallOrDefaultOnNotFoundAsync("inspect image " + hashed, (c, ct) => c.Images.InspectImageAsync(hashed.ToString(), ct), cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                await new ImageImporter(engine).ImportAsync(folder, app, hashed, cancellationToken).ConfigureAwait(false);
                await new ImagePruner(engine).RemoveOlderBuildsAsync(hashed, image, cancellationToken).ConfigureAwait(false);
            }

            await engine.CallAsync(
                "tag " + image,
                (c, ct) => c.Images.TagImageAsync(hashed.ToString(), new ImageTagParameters { RepositoryName = image.Repository, Tag = image.Tag, Force = true }, ct),
                cancellationToken).ConfigureAwait(false);
            var verb = existing is null ? "built" : "up to date";
            progress.Report($"image {hashed} {verb} in {timeProvider.GetElapsedTime(started).TotalSeconds:0.0} s");
            return hashed;
        }
    }

    private static string ResolveProject(EnvironmentSpec environment, ImageBuildSpec build)
    {
        var path = Path.GetFullPath(Path.Combine(environment.BaseDirectory, build.Project));
        if (File.Exists(path))
        {
            return path;
        }

        var projects = Directory.Exists(path) ? Directory.GetFiles(path, "*.csproj") : [];
        return projects.Length == 1
            ? projects[0]
            : throw new DriverException($"build.project '{build.Project}' of environment '{environment.Name}' is not a .csproj or a folder with exactly one ({path}).");
    }
}
