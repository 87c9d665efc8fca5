using DrillRunner.Catalog;

namespace DrillRunner.Traffic.Drill;

/// <summary>Registers the <c>traffic</c> step and the <c>surge</c> fault.</summary>
public static class TrafficCatalog
{
    public static DrillCatalog AddTraffic(this DrillCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var stop = new TrafficStopUndo();
        return catalog
            .AddStep<TrafficOptions>(TrafficStepConstants.TrafficKind, o => new TrafficStep(o), stop)
            .AddStep<SurgeOptions>(TrafficStepConstants.SurgeKind, o => new SurgeStep(o), stop)
            .AddUndo(TrafficStepConstants.UndoKind, stop);
    }
}
