using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps;

namespace DrillRunner.Docker.Faults.Network;

/// <summary>
/// Removes every shape of the record by its tag, and the driver verifies nothing of it is left (rules, qdiscs,
/// proxies). Idempotent: a shape never applied, or already removed, removes nothing.
/// </summary>
internal sealed class NetworkFaultUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var shaping = context.Driver.Require<INetworkShaping>();
        var done = new List<string>();
        foreach (var instance in NetworkFaultPayload.FromJson(record.Payload).Instances)
        {
            done.Add(await shaping.RemoveAsync(instance.Id, instance.Shape.Tag, cancellationToken));
        }

        return string.Join("; ", done);
    }
}
