using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.ProcessPause;

/// <summary>
/// Stops some processes inside an instance while the rest runs on (a stalled WAL sender: the primary keeps
/// acknowledging writes its replica never receives). Verified: every matching process is stopped, and there is one.
/// </summary>
internal sealed class ProcessPauseFault(ProcessPauseOptions options) : IStep
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StopPollInterval = TimeSpan.FromMilliseconds(20);

    public bool IsFault => true;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IProcessSignals)];

    public string Describe() =>
        $"pause processes /{options.Process}/ in {(options.Count ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} of {options.Service}{(options.Role is { } r ? $" ({r})" : "")}";

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        _ = context.Driver.Require<IProcessSignals>();
        var targets = await TargetPicker.PickAsync(context, options, takesDown: false, cancellationToken);
        var ids = targets.Select(t => t.Id).ToList();
        return new UndoRecord(ProcessPauseConstants.Kind, $"/{options.Process}/ in {string.Join(", ", ids)}", new ProcessPausePayload(ids, options.Process).ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var signals = context.Driver.Require<IProcessSignals>();
        var payload = ProcessPausePayload.FromJson(undo!.Payload);
        var done = new List<string>();
        foreach (var id in payload.Instances)
        {
            var all = await signals.ListProcessesAsync(id, cancellationToken);
            var matching = all.Where(p => payload.Pattern.IsMatch(p.CommandLine)).ToList();
            if (matching.Count == 0)
            {
                throw new DriverException(
                    $"no process in {id} matches /{payload.Process}/; its processes: {string.Join("; ", all.Take(12).Select(p => p.CommandLine))}");
            }

            foreach (var process in matching.Where(p => !p.Stopped))
            {
                await signals.SignalProcessAsync(id, process.ProcessId, ProcessPauseConstants.Stop, cancellationToken);
            }

            var running = await StillRunningAsync(context, signals, id, matching, cancellationToken);
            if (running.Count > 0)
            {
                throw new DriverException($"{id}: {string.Join("; ", running.Select(p => p.CommandLine))} did not stop within {StopTimeout.TotalSeconds:0} s");
            }

            done.Add($"{id}: {string.Join("; ", matching.Select(p => $"pid {p.ProcessId} {p.CommandLine.Trim()}"))}");
        }

        return $"paused {string.Join(", ", done)}";
    }

    /// <summary>
    /// A SIGSTOP takes effect when the process next runs (on a busy machine, or in a disk wait, that is later than the
    /// signal's return), so the stop is awaited, bounded, before it is called failed.
    /// </summary>
    private static async Task<List<InstanceProcess>> StillRunningAsync(
        StepContext context, IProcessSignals signals, string id, List<InstanceProcess> matching, CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        while (true)
        {
            var after = await signals.ListProcessesAsync(id, cancellationToken);
            var running = after.Where(p => matching.Any(m => m.ProcessId == p.ProcessId) && !p.Stopped).ToList();
            if (running.Count == 0 || context.Time.GetElapsedTime(started) >= StopTimeout)
            {
                return running;
            }

            await Task.Delay(StopPollInterval, context.Time, cancellationToken);
        }
    }
}
