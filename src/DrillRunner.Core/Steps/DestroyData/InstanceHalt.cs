using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.DestroyData;

/// <summary>
/// Stops an instance so completely that its data folder can be moved: its process is killed, and so is anything
/// still running in it (daemons it detached, a restore command a crashed runner left running), where the driver can
/// list them. Idempotent: a stopped instance with no process left is left alone.
/// </summary>
internal static class InstanceHalt
{
    public static async Task<string> KillAsync(StepContext context, string instanceId, string signal, CancellationToken cancellationToken)
    {
        var lifecycle = context.Driver.Require<IInstanceLifecycle>();
        var before = await context.Driver.GetInstanceAsync(instanceId, cancellationToken);
        if (before.State == InstanceState.Missing)
        {
            throw new DriverException($"{instanceId} no longer exists");
        }

        var done = "already stopped";
        if (before.State is InstanceState.Running or InstanceState.Paused or InstanceState.Restarting)
        {
            await lifecycle.KillAsync(instanceId, signal, cancellationToken);
            done = $"killed ({signal})";
        }

        await InstanceWaiter.WaitForAsync(context, instanceId, i => i.State is InstanceState.Exited or InstanceState.Stopped, "stopped", cancellationToken, DestroyDataConstants.ProcessesGone);
        var leftovers = await KillLeftoversAsync(context, instanceId, cancellationToken);
        return leftovers == 0 ? done : $"{done}, {leftovers} process(es) left in it killed";
    }

    private static async Task<int> KillLeftoversAsync(StepContext context, string instanceId, CancellationToken cancellationToken)
    {
        if (context.Driver.Find<IProcessSignals>() is not { } signals)
        {
            return 0;
        }

        var killed = new HashSet<int>();
        var deadline = context.Time.GetUtcNow() + DestroyDataConstants.ProcessesGone;
        while (true)
        {
            var left = await signals.ListProcessesAsync(instanceId, cancellationToken);
            if (left.Count == 0)
            {
                return killed.Count;
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                throw new DriverException($"{instanceId}: {string.Join("; ", left.Select(p => $"pid {p.ProcessId} {p.CommandLine}"))} still running after SIGKILL");
            }

            foreach (var process in left)
            {
                try
                {
                    await signals.SignalProcessAsync(instanceId, process.ProcessId, DestroyDataConstants.Signal, cancellationToken);
                    killed.Add(process.ProcessId);
                }
                catch (DriverException)
                {
                    // Gone between the listing and the signal: the next listing says.
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), context.Time, cancellationToken);
        }
    }
}
