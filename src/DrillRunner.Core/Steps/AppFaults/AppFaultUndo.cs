using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.AppFaults;

/// <summary>Switches an app-level fault off on every instance and checks it is gone. Idempotent.</summary>
internal sealed class AppFaultUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = AppFaultPayload.FromJson(record.Payload);
        await context.Resources.StopAsync(payload.FaultName);
        var removed = 0;
        foreach (var client in ChaosTargets.Clients(context, payload))
        {
            removed += await client.DeleteFaultAsync(payload.FaultName, cancellationToken) ? 1 : 0;
            var status = await client.GetStatusAsync(cancellationToken);
            if (status.GetProperty("faults").EnumerateArray().Any(f => f.GetProperty("name").GetString() == payload.FaultName))
            {
                throw new DriverException($"fault {payload.FaultName} still active after it was switched off");
            }
        }

        return $"switched off {payload.FaultName} on {removed} of {payload.Endpoints.Count} instance(s) (others had already dropped it)";
    }
}
