using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Steps.Instances;

/// <summary>
/// What distinguishes one node-loss fault from another: the driver call and how to see it took effect
/// (given the instance before and after). Undo is shared: <see cref="EnsureRunningUndo"/>.
/// </summary>
internal sealed record InstanceFaultKind(
    string Verb,
    Func<IInstanceLifecycle, string, CancellationToken, Task> InjectAsync,
    Func<InstanceInfo, InstanceInfo, bool> InEffect,
    string Expected)
{
    public static InstanceFaultKind Kill(string signal) => new(
        $"kill ({signal})", (d, id, ct) => d.KillAsync(id, signal, ct), (_, after) => after.State is InstanceState.Exited or InstanceState.Stopped, "exited");

    // A crash may be followed at once by a supervisor restart: a new process id also proves it happened.
    public static readonly InstanceFaultKind Crash = new(
        "crash", (d, id, ct) => d.CrashAsync(id, ct),
        (before, after) => after.State != InstanceState.Running || (after.ProcessId is not null && after.ProcessId != before.ProcessId),
        "crashed");

    public static readonly InstanceFaultKind Stop = new(
        "stop", (d, id, ct) => d.StopAsync(id, ct), (_, after) => after.State is InstanceState.Exited or InstanceState.Stopped, "stopped");

    public static readonly InstanceFaultKind Pause = new(
        "pause", (d, id, ct) => d.PauseAsync(id, ct), (_, after) => after.State == InstanceState.Paused, "paused");
}
