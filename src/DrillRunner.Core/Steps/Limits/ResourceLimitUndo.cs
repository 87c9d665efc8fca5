using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.Limits;

/// <summary>
/// Puts each instance's limit back to what the record says it was, and reads it back. Idempotent: an instance already
/// at its old limit is set again harmlessly; one that no longer exists has no limit left to undo.
/// </summary>
internal sealed class ResourceLimitUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = ResourceLimitPayload.FromJson(record.Payload);
        var resource = LimitedResource.Of(payload.Resource);
        var limits = context.Driver.Require<IResourceLimits>();
        var done = new List<string>();
        foreach (var instance in payload.Instances)
        {
            if ((await context.Driver.GetInstanceAsync(instance.Id, cancellationToken)).State == InstanceState.Missing)
            {
                done.Add($"{instance.Id} is gone (nothing to undo)");
                continue;
            }

            var before = resource.Read(instance.Before);
            await resource.ApplyAsync(context, limits, instance.Id, before, cancellationToken);
            done.Add($"{instance.Id}: {resource.Name} back to {resource.Describe(before)}");
        }

        return string.Join(", ", done);
    }
}
