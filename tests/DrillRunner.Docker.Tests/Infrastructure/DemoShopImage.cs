using DrillRunner.Docker.Images;
using DrillRunner.Model;

using DrillRunner.Testing;

namespace DrillRunner.Docker.Tests.Infrastructure;

/// <summary>
/// The DemoShop image, built once per test run by the real builder (fast when nothing changed). Each checkout has a
/// repository of its own: the builder prunes older builds of its repository, and checkouts sharing the engine (worktrees)
/// must not prune each other's image from under a running test.
/// </summary>
public sealed class DemoShopImage : IAsyncLifetime
{
    public static readonly string Repository = "drillrunner-test/demoshop-"
        + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepositoryRoot.Find())))[..8];

    public string Reference { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (DockerFactAttribute.IsSkipped)
        {
            return;
        }

        var environment = new EnvironmentSpec { Name = "image", BaseDirectory = RepositoryRoot.Find() };
        var driver = (DockerEnvironmentDriver)new DockerDriverFactory().Create(environment, TimeProvider.System);
        await using (driver)
        {
            var built = await driver.Images.BuildAsync(
                environment, new ImageBuildSpec { Project = "src/DemoShop" }, ImageReference.Parse(Repository), new Progress<string>(), CancellationToken.None);
            Reference = built.ToString();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
