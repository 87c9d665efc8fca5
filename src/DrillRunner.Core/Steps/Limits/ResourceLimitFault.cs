using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.Limits;

/// <summary>
/// <c>cpu-limit</c> and <c>memory-limit</c>: the instances' limits are read and journaled, then the limit is set and
/// read back from the instance until it is in effect.
/// </summary>
internal sealed class ResourceLimitFault(TargetedStepOptions options, LimitedResource resource, double limit) : IStep
{
    public bool IsFault => true;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IResourceLimits)];

    public string Describe() =>
        $"limit {resource.Name} of {(options.Percent is { } p ? p.ToString() : (options.Count ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture))} of {options.Service} to {resource.Describe(limit)}";

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        var limits = context.Driver.Require<IResourceLimits>();
        var targets = await TargetPicker.PickAsync(context, options, takesDown: false, cancellationToken);
        var instances = new List<LimitedInstance>();
        foreach (var target in targets)
        {
            instances.Add(new LimitedInstance(target.Id, await limits.ReadLimitsAsync(target.Id, cancellationToken)));
        }

        var payload = new ResourceLimitPayload(resource.Name, limit, instances);
        return new UndoRecord(options.Kind, string.Join(", ", instances.Select(i => i.Id)), payload.ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var payload = ResourceLimitPayload.FromJson(undo!.Payload);
        var limits = context.Driver.Require<IResourceLimits>();
        foreach (var instance in payload.Instances)
        {
            await resource.ApplyAsync(context, limits, instance.Id, limit, cancellationToken);
        }

        return $"{resource.Name} limited to {resource.Describe(limit)}: {string.Join(", ", payload.Instances.Select(i => $"{i.Id} (was {resource.Describe(resource.Read(i.Before))})"))}";
    }
}
