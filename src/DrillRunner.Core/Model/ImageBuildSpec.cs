namespace DrillRunner.Model;

/// <summary>Builds a container image with no registry: a self-contained publish of a .NET project.</summary>
public sealed class ImageBuildSpec
{
    /// <summary>Path of the project folder or .csproj, relative to the environment file.</summary>
    public string Project { get; init; } = "";

    /// <summary>Entry point inside the image, relative to the publish folder; defaults to the project name.</summary>
    public string? Entrypoint { get; init; }
}
