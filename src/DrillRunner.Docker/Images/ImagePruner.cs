using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Images;

/// <summary>
/// Every change of the app imports a new image of about 125 MB; older content-hash tags of the same repository
/// are removed unless a container still uses them (the engine refuses, and that is fine).
/// </summary>
internal sealed class ImagePruner(DockerEngine engine)
{
    public async Task RemoveOlderBuildsAsync(ImageReference current, ImageReference name, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [current.Repository] = true } };
        var images = await engine.CallAsync(
            "list images " + current.Repository, (c, ct) => c.Images.ListImagesAsync(new ImagesListParameters { Filters = filters }, ct), cancellationToken).ConfigureAwait(false);
        var keep = new HashSet<string>(StringComparer.Ordinal) { current.ToString(), name.ToString() };
        foreach (var tag in images.SelectMany(i => i.RepoTags ?? []).Where(t => !keep.Contains(t)))
        {
            try
            {
                await engine.CallAsync(
                    "remove image " + tag, (c, ct) => c.Images.DeleteImageAsync(tag, new ImageDeleteParameters(), ct), cancellationToken).ConfigureAwait(false);
            }
            catch (DriverException)
            {
                // In use by a container (maybe of another environment): it stays until that container is gone.
            }
        }
    }
}
