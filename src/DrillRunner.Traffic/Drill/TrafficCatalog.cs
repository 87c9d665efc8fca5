using DrillRunner.Catalog;
using DrillRunner.Traffic.Drill.Capacity;

namespace DrillRunner.Traffic.Drill;

/// <summary>Registers the <c>traffic</c> step, the <c>surge</c> fault, and the <c>capacity</c> step and objective.</summary>
public static class TrafficCatalog
{
    public static DrillCatalog AddTraffic(this DrillCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var stop = new TrafficStopUndo();
        return catalog
            .AddStep<TrafficOptions>(TrafficStepConstants.TrafficKind, o => new TrafficStep(o), stop)
            .AddStep<SurgeOptions>(TrafficStepConstants.SurgeKind, o => new SurgeStep(o), stop)
            .AddStep<CapacityOptions>(TrafficStepConstants.CapacityKind, o => new CapacityTestStep(o))
            .AddObjective<CapacityObjectiveOptions>(TrafficStepConstants.CapacityKind, o => new CapacityObjective(o))
            .AddUndo(TrafficStepConstants.UndoKind, stop);
    }
}
