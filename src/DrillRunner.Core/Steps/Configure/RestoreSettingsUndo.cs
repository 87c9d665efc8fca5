using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.Configure;

/// <summary>Puts back each instance's original settings; skips instances that already have them.</summary>
internal sealed class RestoreSettingsUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var restored = new List<string>();
        foreach (var snapshot in SettingsPayload.FromJson(record.Payload).Instances)
        {
            var info = await context.Driver.GetInstanceAsync(snapshot.Instance, cancellationToken);
            var already = snapshot.Settings.All(p => string.Equals(info.Settings.GetValueOrDefault(p.Key), p.Value, StringComparison.Ordinal));
            if (!already || info.State != Drivers.InstanceState.Running)
            {
                await SettingsApplier.ApplyAsync(context, snapshot.Instance, snapshot.Settings, cancellationToken);
                restored.Add(snapshot.Instance);
            }
        }

        return restored.Count == 0 ? "settings already original" : $"restored settings of {string.Join(", ", restored)}";
    }
}
