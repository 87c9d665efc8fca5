namespace DrillRunner.Model;

/// <summary>
/// Builds a container image with no registry: a self-contained publish of a .NET project (<see cref="Project"/>),
/// or a Debian root filesystem with the listed packages (<see cref="Debian"/>, built with mmdebstrap from the
/// machine's apt sources). Either way the image is tagged with a hash of its content and built once.
/// </summary>
public sealed class ImageBuildSpec
{
    /// <summary>Path of the project folder or .csproj, relative to the environment file.</summary>
    public string Project { get; init; } = "";

    /// <summary>Entry point inside the image, relative to the publish folder; defaults to the project name.</summary>
    public string? Entrypoint { get; init; }

    /// <summary>Debian packages the image holds (with their dependencies); the container runs the service's command.</summary>
    public IReadOnlyList<string> Debian { get; init; } = [];

    /// <summary>
    /// Files or folders of the environment's folder copied into a Debian image at the same relative paths, under
    /// the image's working directory, so relative args (a config file) resolve alike on both drivers.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
