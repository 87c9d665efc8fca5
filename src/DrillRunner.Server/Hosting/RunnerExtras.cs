using DrillRunner.Catalog;
using DrillRunner.Drivers;

namespace DrillRunner.Hosting;

/// <summary>Register one in the server's services to add drivers or catalog components (tests use fakes).</summary>
public sealed class RunnerExtras
{
    public IReadOnlyList<IDriverFactory> DriverFactories { get; init; } = [];

    public Action<DrillCatalog>? CustomizeCatalog { get; init; }
}
