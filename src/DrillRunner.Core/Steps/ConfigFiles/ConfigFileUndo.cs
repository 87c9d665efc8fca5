using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.ConfigFiles;

/// <summary>
/// Undo of a config-file change, from its record alone: every instance gets its original bytes back (verified by
/// SHA-256), is reloaded and must serve again. Used by the restore phase, crash recovery and sweeps alike.
/// </summary>
internal sealed class ConfigFileUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var payload = ConfigFilePayload.FromJson(record.Payload);
        var done = new List<string>();
        var failed = new List<string>();
        foreach (var target in payload.Targets)
        {
            try
            {
                done.Add(await ConfigFileChange.RestoreAsync(context, target, payload.Reload, cancellationToken));
            }
            catch (Exception ex) when (ex is FileEditException or Drivers.DriverException or IOException)
            {
                // The other instances are still put back; this one stays failed and is retried.
                failed.Add($"{target.Instance}: {ex.Message}");
            }
        }

        return failed.Count == 0
            ? string.Join("; ", done)
            : throw new Drivers.DriverException($"config file not restored on {string.Join("; ", failed)}{(done.Count > 0 ? $" (restored: {string.Join("; ", done)})" : "")}");
    }
}
