namespace DrillRunner.Docker.Images;

/// <summary>An image name split into repository and tag (<c>registry:5000/shop:1</c> has repository <c>registry:5000/shop</c>).</summary>
internal sealed record ImageReference(string Repository, string Tag)
{
    public static ImageReference Parse(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? new(image[..colon], image[(colon + 1)..]) : new(image, "latest");
    }

    public override string ToString() => $"{Repository}:{Tag}";
}
