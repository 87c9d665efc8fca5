using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps;

namespace DrillRunner.Traffic.Drill;

/// <summary>
/// Stops a generator started by <c>traffic</c> or <c>surge</c>. Idempotent: after a crash or once the
/// generator ended by itself there is nothing left to stop.
/// </summary>
internal sealed class TrafficStopUndo : IUndoHandler
{
    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        var key = StopRecord.Key(record);
        var run = context.Resources.Get<TrafficRun>(key);
        if (!await context.Resources.StopAsync(key) || run is null)
        {
            return $"traffic '{record.Target}' was not running (ended by itself, or the runner restarted)";
        }

        var result = run.Completion.IsCompletedSuccessfully ? run.Completion.Result : null;
        return result is null
            ? $"stopped traffic '{record.Target}'"
            : $"stopped traffic '{record.Target}': sent {result.Total.Sent} of {result.Total.Planned} planned, {result.Total.Ok} ok "
              + $"(planned {result.PlannedRate:0.#}/s, achieved {result.AchievedRate:0.#}/s)";
    }
}
