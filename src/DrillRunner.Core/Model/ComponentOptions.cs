using DrillRunner.Loading;

namespace DrillRunner.Model;

/// <summary>
/// Base of every pluggable part of a drill (step, probe, objective, abort condition). The YAML <c>kind</c>
/// picks the concrete options type through the catalog; <see cref="Location"/> is filled by the loader.
/// </summary>
public abstract class ComponentOptions
{
    public string Kind { get; init; } = "";

    /// <summary>Where this item starts in its file; not a YAML field.</summary>
    public SourceLocation Location { get; set; } = SourceLocation.None;
}
