using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps.AppFaults;

namespace DrillRunner.Steps.Configure;

/// <summary>Drops live setting overrides so every instance is back on its own configuration. Idempotent.</summary>
internal sealed class LiveSettingsUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = AppFaultPayload.FromJson(record.Payload);
        await context.Resources.StopAsync(payload.FaultName);
        foreach (var client in ChaosTargets.Clients(context, payload))
        {
            await client.DeleteSettingsAsync(cancellationToken);
            var status = await client.GetStatusAsync(cancellationToken);
            if (status.GetProperty("settings").EnumerateObject().Any())
            {
                throw new DriverException($"live settings still overridden after the undo on {record.Target}");
            }
        }

        return $"live settings of {payload.Service} back to their configuration on {record.Target}";
    }
}
