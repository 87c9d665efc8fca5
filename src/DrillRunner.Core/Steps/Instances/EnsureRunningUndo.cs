using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.Instances;

/// <summary>
/// Undo of every node-loss fault: bring each instance back to running and healthy, whatever state the fault
/// (or a supervisor restart) left it in, and, for a service with roles, holding a role again with every role held
/// (a killed primary rejoined as a replica). Idempotent: a running instance is left alone.
/// </summary>
internal sealed class EnsureRunningUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var lifecycle = context.Driver.Require<IInstanceLifecycle>();
        foreach (var id in InstanceList.FromJson(record.Payload).Instances)
        {
            var info = await context.Driver.GetInstanceAsync(id, cancellationToken);
            switch (info.State)
            {
                case InstanceState.Paused:
                    await lifecycle.UnpauseAsync(id, cancellationToken);
                    done.Add($"unpaused {id}");
                    break;
                case InstanceState.Running or InstanceState.Restarting:
                    done.Add($"{id} already running");
                    break;
                case InstanceState.Missing:
                    throw new DriverException($"{id} no longer exists; it cannot be started again");
                default:
                    await lifecycle.StartAsync(id, cancellationToken);
                    done.Add($"started {id}");
                    break;
            }

            var up = await InstanceWaiter.WaitForAsync(context, id, InstanceWaiter.IsUp, "running and healthy", cancellationToken);
            if (await InstanceRoles.WaitRestoredAsync(context, up.Service, id, cancellationToken) is { Length: > 0 } roles)
            {
                done.Add(roles);
            }
        }

        return string.Join(", ", done);
    }
}
