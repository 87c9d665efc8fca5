using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.DestroyData;

/// <summary>
/// A restore that took before the runbook finished (<see cref="DestroyDataUndo"/>): whether the restored data serves,
/// starting the instances the runbook did not bring back, and keeping the originals instead of putting them back.
/// </summary>
internal static class RestoreTook
{
    // The restored data serves: an instance is up, holding the service's first role (its primary) if it has roles.
    public static async Task<string?> CheckAsync(StepContext context, DestroyDataPayload payload, CancellationToken cancellationToken)
    {
        var service = context.Environment.Services[payload.Service];
        var first = service.Roles.Keys.FirstOrDefault();
        foreach (var instance in payload.Instances)
        {
            var info = await context.Driver.GetInstanceAsync(instance.Id, cancellationToken);
            if (!InstanceWaiter.IsUp(info))
            {
                continue;
            }

            if (first is null)
            {
                return $"{instance.Id} up";
            }

            if (await InstanceRoles.HoldsAsync(context, info, service.Roles[first], cancellationToken))
            {
                return $"{instance.Id} is {first}";
            }
        }

        return null;
    }

    // The instances the runbook did not bring back join the restored one (an empty replica rebuilds from its primary).
    public static async Task<string> StartRestAsync(StepContext context, DestroyDataPayload payload, CancellationToken cancellationToken)
    {
        var lifecycle = context.Driver.Require<IInstanceLifecycle>();
        var started = new List<string>();
        foreach (var instance in payload.Instances)
        {
            var info = await context.Driver.GetInstanceAsync(instance.Id, cancellationToken);
            if (info.State is not (InstanceState.Running or InstanceState.Restarting))
            {
                await lifecycle.StartAsync(instance.Id, cancellationToken);
                started.Add(instance.Id);
            }
        }

        var held = new List<string>();
        foreach (var instance in payload.Instances)
        {
            await InstanceWaiter.WaitForAsync(context, instance.Id, InstanceWaiter.IsUp, "running and healthy", cancellationToken, DestroyDataConstants.StartTimeout);
            held.Add(await InstanceRoles.WaitRestoredAsync(context, payload.Service, instance.Id, cancellationToken, DestroyDataConstants.StartTimeout));
        }

        var roles = string.Join("; ", held.Where(h => h.Length > 0).Distinct(StringComparer.Ordinal));
        return (started.Count == 0 ? "every instance was up" : $"started {string.Join(", ", started)}") + (roles.Length > 0 ? $" ({roles})" : "");
    }

    public static async Task<string> KeepCopiesAsync(IInstanceData data, DestroyDataPayload payload, Dictionary<string, DataFolderState> states, CancellationToken cancellationToken)
    {
        var kept = new List<string>();
        foreach (var instance in payload.Instances.Where(i => states[i.Id].SetAsideExists))
        {
            await data.KeepAsync(instance.Data, cancellationToken);
            kept.Add(instance.Data.Kept);
        }

        return string.Join(", ", kept);
    }
}
