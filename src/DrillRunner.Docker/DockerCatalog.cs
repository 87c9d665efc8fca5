using DrillRunner.Catalog;

namespace DrillRunner.Docker;

/// <summary>Registers the <c>docker</c> driver (and, as they come, the step kinds only it can perform).</summary>
public static class DockerCatalog
{
    public static DrillCatalog AddDocker(this DrillCatalog catalog, DockerDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.AddDriver(options is null ? new DockerDriverFactory() : new DockerDriverFactory(options));
    }
}
