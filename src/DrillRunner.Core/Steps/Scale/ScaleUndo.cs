using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.Scale;

/// <summary>Puts a service back to the replica count it had before a <c>scale</c> action.</summary>
internal sealed class ScaleUndo : IUndoHandler
{
    public static string Payload(string service, int replicas) =>
        JsonSerializer.Serialize(new ScalePayload(service, replicas), JsonDefaults.Options);

    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ScalePayload>(record.Payload, JsonDefaults.Options)!;
        var before = (await context.Driver.ListInstancesAsync(payload.Service, cancellationToken)).Select(i => i.Id).ToList();
        await context.Driver.Require<IServiceScaling>().ScaleAsync(payload.Service, payload.Replicas, cancellationToken);
        await VerifyAsync(context, payload.Service, payload.Replicas, before, cancellationToken);
        return $"scaled {payload.Service} back to {payload.Replicas}";
    }

    /// <summary>
    /// Checks the replica count, and that instances the scaling added are up. Instances that existed before are
    /// left alone: another fault may hold one down on purpose, and its own undo restores it.
    /// </summary>
    public static async Task VerifyAsync(StepContext context, string service, int replicas, IReadOnlyCollection<string> before, CancellationToken cancellationToken)
    {
        var instances = await context.Driver.ListInstancesAsync(service, cancellationToken);
        if (instances.Count != replicas)
        {
            throw new DriverException($"{service} has {instances.Count} instance(s) after scaling, expected {replicas}");
        }

        foreach (var added in instances.Where(i => !before.Contains(i.Id)))
        {
            await InstanceWaiter.WaitForAsync(context, added.Id, InstanceWaiter.IsUp, "running and healthy", cancellationToken);
        }
    }

    private sealed record ScalePayload(string Service, int Replicas);
}
