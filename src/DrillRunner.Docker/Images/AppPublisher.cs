using DrillRunner.Drivers;

namespace DrillRunner.Docker.Images;

/// <summary>
/// <c>dotnet publish</c> for an image: self-contained when the runtime packs can be restored, otherwise
/// framework-dependent with the host's runtime copied in. Each mode has its own folder, so stale files of
/// the other never reach the image; publish itself is incremental.
/// </summary>
internal sealed class AppPublisher(DockerDriverOptions options)
{
    private static readonly string[] MissingRuntimePack = ["NETSDK1112", "Microsoft.NETCore.App.Runtime", "Microsoft.AspNetCore.App.Runtime"];

    public async Task<PublishedApp> PublishAsync(string project, string folder, string entrypoint, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (options.SelfContained)
        {
            var selfContained = Path.Combine(folder, "publish");
            progress.Report($"publishing {project} ({options.RuntimeIdentifier}, self-contained)");
            try
            {
                await RunAsync(project, selfContained, selfContained: true, cancellationToken).ConfigureAwait(false);
                return new PublishedApp(selfContained, entrypoint, []);
            }
            catch (DriverException e) when (MissingRuntimePack.Any(m => e.Message.Contains(m, StringComparison.Ordinal)))
            {
                progress.Report("runtime packs unavailable: falling back to a framework-dependent publish plus the host's runtime");
            }
        }

        var dependent = Path.Combine(folder, "publish-fd");
        progress.Report($"publishing {project} ({options.RuntimeIdentifier}, framework-dependent, host runtime {Environment.Version})");
        await RunAsync(project, dependent, selfContained: false, cancellationToken).ConfigureAwait(false);
        return new PublishedApp(dependent, entrypoint, HostRuntime.Trees());
    }

    // Without the git commit in the informational version, a commit that does not touch the app keeps its image tag.
    private Task<string> RunAsync(string project, string output, bool selfContained, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            "dotnet",
            [
                "publish", project, "-c", "Release", "-r", options.RuntimeIdentifier, $"--self-contained={(selfContained ? "true" : "false")}",
                "-p:IncludeSourceRevisionInInformationalVersion=false", "-o", output, "-nologo",
            ],
            cancellationToken);
}
