using DrillRunner.Aborts.ErrorRate;
using DrillRunner.Aborts.ProbeFailing;
using DrillRunner.Model;
using DrillRunner.Objectives.Alert;
using DrillRunner.Objectives.Availability;
using DrillRunner.Objectives.DataLoss;
using DrillRunner.Objectives.Detect;
using DrillRunner.Objectives.Latency;
using DrillRunner.Objectives.Recover;
using DrillRunner.Objectives.ScaleOut;
using DrillRunner.Objectives.UsersAffected;
using DrillRunner.Probes.Canary;
using DrillRunner.Probes.ContainerHealth;
using DrillRunner.Probes.Http;
using DrillRunner.Steps.AppFaults;
using DrillRunner.Steps.ConfigFiles;
using DrillRunner.Steps.Configure;
using DrillRunner.Steps.DestroyData;
using DrillRunner.Steps.Exec;
using DrillRunner.Steps.Instances;
using DrillRunner.Steps.Limits;
using DrillRunner.Steps.ProcessPause;
using DrillRunner.Steps.Restart;
using DrillRunner.Steps.Scale;
using DrillRunner.Steps.Start;
using DrillRunner.Steps.WaitForAck;

namespace DrillRunner.Catalog;

/// <summary>Registers the driver-independent faults, actions, probes, objectives and abort conditions.</summary>
public static class CoreCatalog
{
    public static DrillCatalog AddCoreComponents(this DrillCatalog catalog)
    {
        var ensureRunning = new EnsureRunningUndo();
        var limitUndo = new ResourceLimitUndo();
        return catalog
            .AddStep<KillOptions>("kill", o => new InstanceFault(o, InstanceFaultKind.Kill(o.Signal)), ensureRunning)
            .AddStep<TargetedStepOptions>("crash", o => new InstanceFault(o, InstanceFaultKind.Crash), ensureRunning)
            .AddStep<TargetedStepOptions>("stop", o => new InstanceFault(o, InstanceFaultKind.Stop), ensureRunning)
            .AddStep<TargetedStepOptions>("pause", o => new InstanceFault(o, InstanceFaultKind.Pause), ensureRunning)
            .AddStep<CpuLimitOptions>(ResourceLimitConstants.CpuKind, o => new ResourceLimitFault(o, LimitedResource.Cpu, o.Cpus ?? 0), limitUndo)
            .AddStep<MemoryLimitOptions>(ResourceLimitConstants.MemoryKind, o => new ResourceLimitFault(o, LimitedResource.Memory, o.Limit?.Bytes ?? 0), limitUndo)
            .AddStep<ProcessPauseOptions>(ProcessPauseConstants.Kind, o => new ProcessPauseFault(o), new ProcessPauseUndo())
            .AddStep<DestroyDataOptions>(DestroyDataConstants.Kind, o => new DestroyDataFault(o), new DestroyDataUndo())
            .AddStep<ConfigureOptions>("misconfigure", o => new MisconfigureFault(o), new RestoreSettingsUndo())
            .AddStep<AppFaultOptions>("latency", o => new AppFault(o, "latency"))
            .AddStep<AppFaultOptions>("error", o => new AppFault(o, "error"))
            .AddUndo("app-fault", new AppFaultUndo())
            .AddUndo(LiveSettings.UndoKind, new LiveSettingsUndo())
            .AddUndo(ConfigFileConstants.UndoKind, new ConfigFileUndo())
            .AddStep<TargetedStepOptions>("restart", o => new RestartAction(o))
            .AddStep<StartOptions>("start", o => new StartAction(o))
            .AddStep<ExecOptions>(ExecConstants.Kind, o => new ExecAction(o))
            .AddStep<ConfigureOptions>("set-config", o => new SetConfigAction(o))
            .AddStep<ScaleOptions>("scale", o => new ScaleAction(o), new ScaleUndo())
            .AddStep<WaitForAckOptions>("wait-for-ack", o => new WaitForAckAction(o))
            .AddProbe<HttpProbeOptions>("http", o => new HttpProbe(o))
            .AddProbe<ContainerHealthOptions>("container-health", o => new ContainerHealthProbe(o))
            .AddProbe<CanaryProbeOptions>(CanaryConstants.Kind, o => new CanaryProbe(o))
            .AddObjective<RecoverOptions>("recover", o => new RecoverObjective(o))
            .AddObjective<AvailabilityOptions>("availability", o => new AvailabilityObjective(o))
            .AddObjective<DetectOptions>("detect", o => new DetectObjective(o))
            .AddObjective<AlertOptions>("alert", o => new AlertObjective(o))
            .AddObjective<ScaleOutOptions>("scale-out", o => new ScaleOutObjective(o))
            .AddObjective<LatencyOptions>("latency", o => new LatencyObjective(o))
            .AddObjective<UsersAffectedOptions>("users-affected", o => new UsersAffectedObjective(o))
            .AddObjective<DataLossOptions>("data-loss", o => new DataLossObjective(o))
            .AddAbort<ProbeFailingOptions>("probe-failing", o => new ProbeFailingCondition(o))
            .AddAbort<ErrorRateOptions>("error-rate", o => new ErrorRateCondition(o));
    }
}
