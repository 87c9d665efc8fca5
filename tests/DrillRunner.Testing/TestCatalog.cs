using DrillRunner.Catalog;
using DrillRunner.Testing.Fakes;

namespace DrillRunner.Testing;

/// <summary>The real catalog plus the test-only probe and fault.</summary>
public static class TestCatalog
{
    public static DrillCatalog Create()
    {
        var catalog = new DrillCatalog().AddCoreComponents();
        catalog.AddProbe<ServiceUpProbeOptions>("service-up", o => new ServiceUpProbe(o));
        catalog.AddStep<HalfFaultOptions>("half-fault", o => new ThrowingStep(o), new ThrowingStep(new HalfFaultOptions()));
        return catalog;
    }
}
