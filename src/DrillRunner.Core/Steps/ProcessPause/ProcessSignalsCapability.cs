using DrillRunner.Drivers;
using DrillRunner.Engine;

namespace DrillRunner.Steps.ProcessPause;

internal static class ProcessSignalsCapability
{
    /// <summary>The driver's process signals, or a clear error before anything is changed.</summary>
    public static IProcessSignals Of(StepContext context) =>
        context.Driver as IProcessSignals
        ?? throw new DriverException($"the {context.Driver.Name} driver cannot signal processes inside an instance, so {ProcessPauseConstants.Kind} cannot run on it");
}
