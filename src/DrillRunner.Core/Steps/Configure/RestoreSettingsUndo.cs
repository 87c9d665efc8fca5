using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.Configure;

/// <summary>
/// Puts back each instance's original settings; skips instances that already have them, and instances that no longer
/// exist (scaled in by someone else: nothing is left to restore). Instances of the service the record does not name but
/// that carry the injected values (cloned from a misconfigured one by a scale-out during the fault, as a real
/// deployment's scale-out inherits a bad deploy) are rolled back too, to the recorded originals.
/// </summary>
internal sealed class RestoreSettingsUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = SettingsPayload.FromJson(record.Payload);
        var restored = new List<string>();
        var gone = new List<string>();
        foreach (var snapshot in payload.Instances)
        {
            if (await RestoreAsync(context, snapshot.Instance, snapshot.Settings, cancellationToken) is { } outcome)
            {
                (outcome ? restored : gone).Add(snapshot.Instance);
            }
        }

        var inherited = new List<string>();
        if (payload.Service is { } service && payload.Injected is { Count: > 0 } injected && Originals(payload) is { } originals)
        {
            var named = payload.Instances.Select(i => i.Instance).ToHashSet(StringComparer.Ordinal);
            foreach (var instance in await context.Driver.ListInstancesAsync(service, cancellationToken))
            {
                var carries = injected.All(p => string.Equals(instance.Settings.GetValueOrDefault(p.Key), p.Value, StringComparison.Ordinal));
                if (!named.Contains(instance.Id) && carries && await RestoreAsync(context, instance.Id, originals, cancellationToken) == true)
                {
                    inherited.Add(instance.Id);
                }
            }
        }

        var parts = new List<string>();
        if (restored.Count > 0)
        {
            parts.Add($"restored settings of {string.Join(", ", restored)}");
        }

        if (inherited.Count > 0)
        {
            parts.Add($"rolled back {string.Join(", ", inherited)}, which a scale-out cloned with the injected settings");
        }

        if (gone.Count > 0)
        {
            parts.Add($"{string.Join(", ", gone)} no longer exist{(gone.Count == 1 ? "s" : "")} (scaled in): nothing to restore there");
        }

        return parts.Count == 0 ? "settings already original" : string.Join("; ", parts);
    }

    /// <summary>True: restored; false: the instance is gone; null: it already had the settings.</summary>
    private static async Task<bool?> RestoreAsync(StepContext context, string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var info = await context.Driver.GetInstanceAsync(instanceId, cancellationToken);
        if (info.State == InstanceState.Missing)
        {
            return false;
        }

        var already = settings.All(p => string.Equals(info.Settings.GetValueOrDefault(p.Key), p.Value, StringComparison.Ordinal));
        if (already && info.State == InstanceState.Running)
        {
            return null;
        }

        try
        {
            await SettingsApplier.ApplyAsync(context, instanceId, settings, cancellationToken);
            return true;
        }
        catch (DriverException)
        {
            // Removed while we restored it (an autoscaler scaling in): nothing is left to restore. Anything else fails.
            if ((await context.Driver.GetInstanceAsync(instanceId, cancellationToken)).State == InstanceState.Missing)
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>The original values, when every recorded instance had the same ones (per-instance values cannot be inferred).</summary>
    private static Dictionary<string, string?>? Originals(SettingsPayload payload)
    {
        if (payload.Instances.Count == 0)
        {
            return null;
        }

        var first = payload.Instances[0].Settings;
        return payload.Instances.All(i => i.Settings.Count == first.Count && first.All(p => string.Equals(i.Settings.GetValueOrDefault(p.Key), p.Value, StringComparison.Ordinal)))
            ? new Dictionary<string, string?>(first, StringComparer.Ordinal)
            : null;
    }
}
