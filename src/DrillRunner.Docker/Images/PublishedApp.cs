namespace DrillRunner.Docker.Images;

/// <summary>
/// What goes into an image: the publish output (under <c>/app</c>) and, for a framework-dependent publish,
/// the host's runtime folders with their place in the image.
/// </summary>
internal sealed record PublishedApp(string Folder, string Entrypoint, IReadOnlyList<RuntimeTree> RuntimeTrees)
{
    public bool SelfContained => RuntimeTrees.Count == 0;
}

/// <summary>A host folder copied to <paramref name="ImagePath"/> (no leading slash) in the image.</summary>
internal sealed record RuntimeTree(string Source, string ImagePath);
