using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps;

namespace DrillRunner.Docker.Faults.DiskFill;

/// <summary>
/// Deletes the one file of each instance named in the record, then checks it is gone. Idempotent: a file never
/// written, or already deleted, or a tmpfs gone with its stopped container, leaves nothing to delete.
/// </summary>
internal sealed class DiskFillUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = DiskFillPayload.FromJson(record.Payload);
        var filling = context.Driver.Require<IMountFilling>();
        var done = new List<string>();
        foreach (var instance in payload.Instances)
        {
            var deleted = await filling.RemoveFillAsync(instance.Id, payload.Path, instance.Tag, cancellationToken);
            if (await filling.RemoveFillAsync(instance.Id, payload.Path, instance.Tag, cancellationToken))
            {
                throw new Drivers.DriverException($"{instance.Id}: the fill file of {payload.Path} came back after its deletion");
            }

            done.Add(deleted ? $"{instance.Id}: deleted the fill file of {payload.Path}" : $"{instance.Id}: no fill file left on {payload.Path}");
        }

        return string.Join("; ", done);
    }
}
