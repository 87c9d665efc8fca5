using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.DestroyData;

/// <summary>
/// Undo of <c>destroy-data</c>, from the record alone. When the runbook completed and the service is back (every
/// instance up, every role held), the restore stands: the set-aside copies are removed, or kept under another name.
/// When the restore took but the runbook did not finish (a later step failed, an abort, a crash after the restored
/// node came up holding the first role), the restored service stands too: the rest of its instances are started and
/// the originals are kept, never removed. Putting them back then would be wrong: the restored primary has promoted
/// onto a new timeline that the archive now holds, and the original data (further along the old one) could not follow
/// it (Patroni: "timeline is not a child of this server's history"; seen as a node that never became healthy).
/// Otherwise (nothing restored yet) the original data goes back and the service is started, the former holder of the
/// first role first, so a failed DR drill never leaves staging without its database. Idempotent: a copy already put
/// back, kept or removed is not looked for again.
/// </summary>
internal sealed class DestroyDataUndo : IUndoHandler
{
    public TimeSpan? TimeLimit => DestroyDataConstants.UndoTimeLimit;

    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = DestroyDataPayload.FromJson(record.Payload);
        var data = context.Driver.Require<IInstanceData>();
        var states = new Dictionary<string, DataFolderState>(StringComparer.Ordinal);
        foreach (var instance in payload.Instances)
        {
            states[instance.Id] = await data.InspectAsync(instance.Data, cancellationToken);
        }

        if (!states.Values.Any(s => s.SetAsideExists))
        {
            // Put back, kept or removed already: only make sure the service runs.
            var missing = payload.Instances.Where(i => !states[i.Id].HasData).Select(i => i.Id).ToList();
            return missing.Count > 0
                ? throw new DriverException($"the data of {string.Join(", ", missing)} is gone and no set-aside copy is left to put back")
                : $"nothing set aside any more; {await StartAsync(context, payload, cancellationToken)}";
        }

        if (context.RunbookCompleted && await RestoredAsync(context, payload, cancellationToken) is { } restored)
        {
            return $"the runbook restored {payload.Service} ({restored}); {await SettleCopiesAsync(data, payload, states, cancellationToken)}";
        }

        if (await RestoreTook.CheckAsync(context, payload, cancellationToken) is { } took)
        {
            var started = await RestoreTook.StartRestAsync(context, payload, cancellationToken);
            var kept = await RestoreTook.KeepCopiesAsync(data, payload, states, cancellationToken);
            var reason = context.RunbookCompleted ? "the runbook completed without bringing every instance back" : "the runbook did not complete";
            return $"{reason}, but the restore had taken ({took}): the restored {payload.Service} stands; {started}; originals kept, not put back: {kept}";
        }

        var halted = new List<string>();
        foreach (var instance in payload.Instances)
        {
            halted.Add($"{instance.Id} {await InstanceHalt.KillAsync(context, instance.Id, payload.Signal, cancellationToken)}");
        }

        foreach (var instance in payload.Instances.Where(i => states[i.Id].SetAsideExists))
        {
            await data.PutBackAsync(instance.Data, cancellationToken);
            var after = await data.InspectAsync(instance.Data, cancellationToken);
            if (!after.HasData || after.SetAsideExists)
            {
                throw new DriverException($"{instance.Id}: the original data is not back in {instance.Data}");
            }
        }

        var why = context.RunbookCompleted ? "the runbook completed but did not bring the service back" : "the runbook did not complete";
        return $"{why}: put the original data back ({string.Join(", ", halted)}); {await StartAsync(context, payload, cancellationToken)}";
    }

    // Running and healthy with every role held: what the runbook was to achieve. Null when it is not so.
    private static async Task<string?> RestoredAsync(StepContext context, DestroyDataPayload payload, CancellationToken cancellationToken)
    {
        var up = new List<string>();
        foreach (var instance in payload.Instances)
        {
            if (!InstanceWaiter.IsUp(await context.Driver.GetInstanceAsync(instance.Id, cancellationToken)))
            {
                return null;
            }
        }

        try
        {
            foreach (var instance in payload.Instances)
            {
                up.Add(await InstanceRoles.WaitRestoredAsync(context, payload.Service, instance.Id, cancellationToken, DestroyDataConstants.RestoredCheck) is { Length: > 0 } roles ? roles : $"{instance.Id} up");
            }
        }
        catch (DriverException)
        {
            return null;
        }

        return string.Join("; ", up.Distinct(StringComparer.Ordinal));
    }

    private static async Task<string> SettleCopiesAsync(IInstanceData data, DestroyDataPayload payload, Dictionary<string, DataFolderState> states, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        foreach (var instance in payload.Instances.Where(i => states[i.Id].SetAsideExists))
        {
            if (payload.KeepForForensics)
            {
                await data.KeepAsync(instance.Data, cancellationToken);
                done.Add($"kept {instance.Data.Kept}");
            }
            else
            {
                await data.RemoveSetAsideAsync(instance.Data, cancellationToken);
                done.Add($"removed {instance.Data.SetAside}");
            }
        }

        return $"set-aside copies: {string.Join(", ", done)}";
    }

    // The instance that held the first role (the primary) starts first and must hold a role before the others start:
    // an empty or older node started alongside could otherwise win the leader race.
    private static async Task<string> StartAsync(StepContext context, DestroyDataPayload payload, CancellationToken cancellationToken)
    {
        var lifecycle = context.Driver.Require<IInstanceLifecycle>();
        var service = context.Environment.Services[payload.Service];
        var done = new List<string>();
        var first = service.Roles.Keys.FirstOrDefault();
        foreach (var instance in payload.StartOrder([.. service.Roles.Keys]))
        {
            var info = await context.Driver.GetInstanceAsync(instance.Id, cancellationToken);
            if (info.State is not (InstanceState.Running or InstanceState.Restarting))
            {
                await lifecycle.StartAsync(instance.Id, cancellationToken);
            }

            await InstanceWaiter.WaitForAsync(context, instance.Id, InstanceWaiter.IsUp, "running and healthy", cancellationToken, DestroyDataConstants.StartTimeout);
            done.Add(service.Roles.Count == 0
                ? $"{instance.Id} up"
                : $"{instance.Id} {await InstanceRoles.WaitHoldsAsync(context, service, instance.Id, first is not null && instance.Roles.Contains(first) ? first : null, DestroyDataConstants.StartTimeout, cancellationToken)}");
        }

        foreach (var instance in payload.Instances)
        {
            await InstanceRoles.WaitRestoredAsync(context, payload.Service, instance.Id, cancellationToken, DestroyDataConstants.StartTimeout);
        }

        return $"started {string.Join(", ", done)}";
    }
}
