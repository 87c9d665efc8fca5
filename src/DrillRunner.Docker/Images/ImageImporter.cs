using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Images;

/// <summary>Writes the rootfs tar of a published app and imports it through the API with entrypoint and environment.</summary>
internal sealed class ImageImporter(DockerEngine engine)
{
    public async Task ImportAsync(string folder, PublishedApp app, ImageReference hashed, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(app.Folder, app.Entrypoint)))
        {
            throw new DriverException($"Entry point '{app.Entrypoint}' is not in the publish output {app.Folder}; set build.entrypoint.");
        }

        var libraries = await SharedLibraries.ResolveAsync(app, cancellationToken).ConfigureAwait(false);
        var tarPath = Path.Combine(folder, hashed.Tag + ".tar");
        try
        {
            var tar = File.Create(tarPath);
            await using (tar.ConfigureAwait(false))
            {
                await RootfsArchive.WriteAsync(tar, app, libraries, cancellationToken).ConfigureAwait(false);
            }

            await ImportTarAsync(engine, tarPath, hashed, ImageChanges(app), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(tarPath);
        }
    }

    /// <summary>Imports a root filesystem tar as <paramref name="hashed"/>, with the given Dockerfile-style changes.</summary>
    public static async Task ImportTarAsync(DockerEngine engine, string tarPath, ImageReference hashed, IList<string> changes, CancellationToken cancellationToken)
    {
        var parameters = new ImagesCreateParameters { FromSrc = "-", Repo = hashed.Repository, Tag = hashed.Tag, Changes = changes };
        var errors = new ImportErrors();

        // A consumed stream cannot be replayed, so the import is never retried.
        await engine.CallAsync(
            "import " + hashed,
            async (c, ct) =>
            {
                var stream = File.OpenRead(tarPath);
                await using (stream.ConfigureAwait(false))
                {
                    await c.Images.CreateImageAsync(parameters, stream, null, errors, ct).ConfigureAwait(false);
                }
            },
            cancellationToken,
            DockerDriverConstants.ImageImportTimeout,
            retry: false).ConfigureAwait(false);
        errors.ThrowIfAny(hashed);
    }

    private static List<string> ImageChanges(PublishedApp app)
    {
        List<string> changes =
        [
            $"ENTRYPOINT [\"/{RootfsArchive.AppFolder}/{app.Entrypoint}\"]",
            $"WORKDIR /{RootfsArchive.AppFolder}",
            "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1",
            "ENV DOTNET_RUNNING_IN_CONTAINER=true",
            "ENV HOME=/tmp",
        ];
        if (!app.SelfContained)
        {
            // The apphost finds the copied runtime through DOTNET_ROOT.
            changes.Add($"ENV DOTNET_ROOT=/{HostRuntime.ImageRoot}");
        }

        return changes;
    }
}
