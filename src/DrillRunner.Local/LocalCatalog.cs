using DrillRunner.Catalog;

namespace DrillRunner.Local;

/// <summary>Registers the <c>local</c> driver (and, as they come, the step kinds only it can perform).</summary>
public static class LocalCatalog
{
    public static DrillCatalog AddLocal(this DrillCatalog catalog, LocalDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.AddDriver(new LocalDriverFactory(options));
    }
}
