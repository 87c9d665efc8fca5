using DrillRunner.Docker;
using DrillRunner.Docker.Images;
using DrillRunner.Model;

namespace DrillRunner.Cli.Tests.Import;

/// <summary>
/// The DemoShop image, built locally by the real builder (never pulled) into a repository of this checkout's own, for
/// the Compose projects the import tests start.
/// </summary>
internal static class ComposeImage
{
    /// <summary>A Compose service's settings that make the image a plain DemoShop app server on port 8080.</summary>
    public const string ShopEnvironment = """environment: { ASPNETCORE_URLS: "http://0.0.0.0:8080", Shop__Role: app, Shop__OrderStore: memory }""";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _reference;

    public static async Task<string> BuildAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_reference is not null)
            {
                return _reference;
            }

            var repository = "drillrunner-test/compose-"
                + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DemoWorkspace.RepositoryRoot)))[..8];
            var environment = new EnvironmentSpec { Name = "image", BaseDirectory = DemoWorkspace.RepositoryRoot };
            var driver = (DockerEnvironmentDriver)new DockerDriverFactory().Create(environment, TimeProvider.System);
            await using (driver)
            {
                var built = await driver.Images.BuildAsync(
                    environment, new ImageBuildSpec { Project = "src/DemoShop" }, ImageReference.Parse(repository), new Progress<string>(), CancellationToken.None);
                _reference = built.ToString();
                return _reference;
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
