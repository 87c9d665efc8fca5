using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using DrillRunner.Docker.Images;
using DrillRunner.Docker.Tests.Infrastructure;
using DrillRunner.Testing;
using DrillRunner.Drivers;
using DrillRunner.Model;
using Xunit.Abstractions;

namespace DrillRunner.Docker.Tests.Images;

[Collection(DockerCollection.Name)]
public sealed class LocalImageBuilderTests(ITestOutputHelper output)
{
    [DockerFact]
    public async Task Building_the_demo_image_twice_imports_it_once_under_its_content_hash()
    {
        var repository = "drillrunner-test/build-" + Guid.NewGuid().ToString("N")[..8];
        var cache = Directory.CreateTempSubdirectory("drillrunner-build-").FullName;
        var environment = new EnvironmentSpec { Name = "build", BaseDirectory = RepositoryRoot.Find() };
        var build = new ImageBuildSpec { Project = "src/DemoShop" };
        var driver = (DockerEnvironmentDriver)new DockerDriverFactory(new DockerDriverOptions { BuildCacheDirectory = cache }).Create(environment, TimeProvider.System);
        using var client = new DockerClientConfiguration().CreateClient();
        await using (driver)
        {
            try
            {
                var clock = Stopwatch.StartNew();
                var first = await driver.Images.BuildAsync(environment, build, ImageReference.Parse(repository), new Progress<string>(), CancellationToken.None);
                var firstTime = clock.Elapsed;
                var firstId = (await client.Images.InspectImageAsync(first.ToString(), CancellationToken.None)).ID;
                clock.Restart();
                var second = await driver.Images.BuildAsync(environment, build, ImageReference.Parse(repository), new Progress<string>(), CancellationToken.None);
                var secondTime = clock.Elapsed;
                output.WriteLine($"first build {firstTime.TotalSeconds:0.0} s, second build {secondTime.TotalSeconds:0.0} s");

                Assert.Equal(first, second);
                Assert.Matches("^[0-9a-f]{16}$", first.Tag);
                var image = await client.Images.InspectImageAsync(second.ToString(), CancellationToken.None);
                Assert.Equal(firstId, image.ID);
                Assert.Equal(["/app/DemoShop"], image.Config.Entrypoint);
                Assert.Contains("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1", image.Config.Env);
                Assert.Equal(firstId, (await client.Images.InspectImageAsync(repository + ":latest", CancellationToken.None)).ID);
                Assert.True(secondTime < firstTime, $"second build ({secondTime}) should be faster than the first ({firstTime})");
            }
            finally
            {
                await DeleteRepositoryAsync(client, repository);
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    [DockerFact]
    public async Task Without_self_contained_publish_the_image_carries_the_host_runtime_and_runs()
    {
        var repository = "drillrunner-test/fd-" + Guid.NewGuid().ToString("N")[..8];
        var cache = Directory.CreateTempSubdirectory("drillrunner-build-").FullName;
        var environment = new EnvironmentSpec { Name = "build", BaseDirectory = RepositoryRoot.Find() };
        var options = new DockerDriverOptions { BuildCacheDirectory = cache, SelfContained = false };
        var driver = (DockerEnvironmentDriver)new DockerDriverFactory(options).Create(environment, TimeProvider.System);
        using var client = new DockerClientConfiguration().CreateClient();
        await using (driver)
        {
            try
            {
                var progress = new ListProgress();
                var built = await driver.Images.BuildAsync(
                    environment, new ImageBuildSpec { Project = "src/DemoShop" }, ImageReference.Parse(repository), progress, CancellationToken.None);
                Assert.Contains(progress.Lines, l => l.Contains("framework-dependent", StringComparison.Ordinal));
                Assert.Contains("DOTNET_ROOT=/usr/share/dotnet", (await client.Images.InspectImageAsync(built.ToString(), CancellationToken.None)).Config.Env);

                var env = DemoShopEnvironment.Create(built.ToString());
                await using (env)
                {
                    await env.UpAsync();
                    var info = await env.Driver.GetInstanceAsync(env.InstanceId(1), CancellationToken.None);
                    Assert.Equal((InstanceState.Running, InstanceHealth.Healthy), (info.State, info.Health));
                }
            }
            finally
            {
                await DeleteRepositoryAsync(client, repository);
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    private static async Task DeleteRepositoryAsync(DockerClient client, string repository)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [repository] = true } };
        var images = await client.Images.ListImagesAsync(new ImagesListParameters { Filters = filters }, CancellationToken.None);
        foreach (var tag in images.SelectMany(i => i.RepoTags))
        {
            await client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, CancellationToken.None);
        }
    }
}
