namespace DrillRunner.Model;

/// <summary>
/// A host path mounted into a service's containers (Docker driver; local processes see the host anyway). A relative
/// <see cref="Source"/> resolves against the environment file's folder; <see cref="Target"/> defaults to the same
/// absolute path, so paths in settings mean the same inside and outside the container.
/// </summary>
public sealed class MountSpec
{
    public string Source { get; init; } = "";

    public string? Target { get; init; }

    public bool ReadOnly { get; init; }
}
