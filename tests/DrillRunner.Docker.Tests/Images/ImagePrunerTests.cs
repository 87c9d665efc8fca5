using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Docker.Images;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Testing;
using DrillRunner.Model;

namespace DrillRunner.Docker.Tests.Images;

[Collection(DockerCollection.Name)]
public sealed class ImagePrunerTests(DemoShopImage image)
{
    [DockerFact]
    public async Task Older_builds_of_a_repository_are_removed_and_the_current_ones_kept()
    {
        var repository = "drillrunner-test/prune-" + Guid.NewGuid().ToString("N")[..8];
        using var client = new DockerClientConfiguration().CreateClient();
        using var engine = new DockerEngine(new DockerEndpointSpec(), new DockerDriverOptions(), TimeProvider.System);
        foreach (var tag in new[] { "older", "current", "latest" })
        {
            await client.Images.TagImageAsync(image.Reference, new ImageTagParameters { RepositoryName = repository, Tag = tag }, CancellationToken.None);
        }

        try
        {
            await new ImagePruner(engine).RemoveOlderBuildsAsync(new ImageReference(repository, "current"), new ImageReference(repository, "latest"), CancellationToken.None);

            var filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [repository] = true } };
            var left = (await client.Images.ListImagesAsync(new ImagesListParameters { Filters = filters }, CancellationToken.None)).SelectMany(i => i.RepoTags).Order();
            Assert.Equal([$"{repository}:current", $"{repository}:latest"], left);
        }
        finally
        {
            foreach (var tag in new[] { "older", "current", "latest" })
            {
                try
                {
                    await client.Images.DeleteImageAsync($"{repository}:{tag}", new ImageDeleteParameters(), CancellationToken.None);
                }
                catch (DockerImageNotFoundException)
                {
                    // Already pruned.
                }
            }
        }
    }
}
