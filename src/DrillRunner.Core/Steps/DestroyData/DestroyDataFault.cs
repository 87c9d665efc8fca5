using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.DestroyData;

/// <summary>
/// The database is lost: every instance of the service is killed and its data folder set aside, leaving an empty
/// folder for the runbook to restore into. Where each copy goes is decided and journaled before anything is touched;
/// verified: every instance stopped, every data folder empty, every copy in place.
/// </summary>
internal sealed class DestroyDataFault(DestroyDataOptions options) : IStep
{
    public bool IsFault => true;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IInstanceLifecycle), typeof(IInstanceData)];

    public string Describe() => $"destroy the data of every instance of {options.Service} (killed, data folders set aside)";

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = context.Driver.Require<IInstanceData>();
        _ = context.Driver.Require<IInstanceLifecycle>();
        var service = context.Environment.Services[options.Service];
        var instances = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        if (instances.Count == 0)
        {
            throw new DriverException($"service '{options.Service}' has no instance: there is no data to destroy");
        }

        var destroyed = new List<DestroyedInstance>();
        foreach (var instance in instances)
        {
            var location = await data.LocateAsync(instance.Id, context.RunId, cancellationToken)
                ?? throw new DriverException($"{instance.Id} has no data folder");
            var state = await data.InspectAsync(location, cancellationToken);
            if (state.SetAsideExists)
            {
                throw new DriverException($"{instance.Id}: a copy is already set aside at {location.SetAside}; this run destroyed its data before");
            }

            destroyed.Add(new DestroyedInstance(instance.Id, location, await InstanceRoles.OfAsync(context, service, instance, cancellationToken)));
        }

        var payload = new DestroyDataPayload(options.Service, destroyed, options.KeepForForensics, DestroyDataConstants.Signal);
        var target = $"{options.Service}: {string.Join(", ", destroyed.Select(d => $"{d.Id} ({d.Data} set aside to {d.Data.SetAside})"))}";
        return new UndoRecord(DestroyDataConstants.Kind, target, payload.ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var payload = DestroyDataPayload.FromJson(undo!.Payload);
        var data = context.Driver.Require<IInstanceData>();
        var done = new List<string>();

        // Every instance down first: a replica left running would be promoted over the lost primary.
        foreach (var instance in payload.Instances)
        {
            done.Add($"{instance.Id} {await InstanceHalt.KillAsync(context, instance.Id, payload.Signal, cancellationToken)}");
        }

        foreach (var instance in payload.Instances)
        {
            await data.SetAsideAsync(instance.Data, cancellationToken);
            var after = await data.InspectAsync(instance.Data, cancellationToken);
            if (after.HasData || !after.SetAsideExists)
            {
                throw new DriverException($"{instance.Id}: the data was not set aside ({instance.Data}: {(after.HasData ? "still has data" : "no copy at " + instance.Data.SetAside)})");
            }
        }

        return $"destroyed the data of {options.Service}: {string.Join(", ", done)}; data folders emptied, originals set aside";
    }
}
