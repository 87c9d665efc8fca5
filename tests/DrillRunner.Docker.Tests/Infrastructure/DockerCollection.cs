namespace DrillRunner.Docker.Tests.Infrastructure;

/// <summary>
/// Docker tests run one after another: two cores are shared, and timing assertions (restart after a crash)
/// mean little when five containers boot at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DemoShopImage>
{
    public const string Name = "docker";
}
