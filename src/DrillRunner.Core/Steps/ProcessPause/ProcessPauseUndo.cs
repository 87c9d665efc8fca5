using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.ProcessPause;

/// <summary>
/// SIGCONT to every stopped process matching the record's pattern in its instances, then checks none is left
/// stopped. Idempotent: running processes are left alone, and an instance with no such process (killed since, or
/// never paused) has nothing to resume.
/// </summary>
internal sealed class ProcessPauseUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var signals = context.Driver.Require<IProcessSignals>();
        var payload = ProcessPausePayload.FromJson(record.Payload);
        var done = new List<string>();
        foreach (var id in payload.Instances)
        {
            var stopped = (await signals.ListProcessesAsync(id, cancellationToken)).Where(p => p.Stopped && payload.Pattern.IsMatch(p.CommandLine)).ToList();
            foreach (var process in stopped)
            {
                await signals.SignalProcessAsync(id, process.ProcessId, ProcessPauseConstants.Continue, cancellationToken);
            }

            var still = (await signals.ListProcessesAsync(id, cancellationToken)).Where(p => p.Stopped && payload.Pattern.IsMatch(p.CommandLine)).ToList();
            if (still.Count > 0)
            {
                throw new Drivers.DriverException($"{id}: {string.Join("; ", still.Select(p => $"pid {p.ProcessId}"))} still stopped after SIGCONT");
            }

            done.Add(stopped.Count == 0 ? $"{id}: nothing stopped" : $"{id}: resumed {string.Join(", ", stopped.Select(p => $"pid {p.ProcessId}"))}");
        }

        return string.Join("; ", done);
    }
}
