using System.ComponentModel;
using DrillRunner.Audit;
using DrillRunner.Drills;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Runs;
using DrillRunner.Timeline;
using Hangfire;

namespace DrillRunner.Scheduling;

/// <summary>
/// The recurring job of a scheduled drill. An occurrence outside the allowed windows or on a blackout date is
/// skipped and recorded in the journal as a NotStarted run saying why; otherwise it queues a run like a manual trigger.
/// Both are audited, as manual triggers are (who: <c>schedule</c>).
/// </summary>
internal sealed class ScheduledDrillJob(Runner runner, DrillIndex drills, RunCoordinator coordinator, AuditLog audit)
{
    public const string Trigger = "schedule";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("scheduled drill {0}")]
    public async Task<string?> RunAsync(string drillName, CancellationToken cancellationToken)
    {
        if (drills.Find(drillName) is not { Drill: { } drill, Schedule: { } schedule })
        {
            return null;
        }

        var now = runner.Time.GetUtcNow();
        if (await runner.Halt.ReadAsync(cancellationToken) is { } halted)
        {
            var refused = await RecordSkippedAsync(drill, now, $"scheduled occurrence refused: {halted.Describe()}", cancellationToken);
            await audit.WriteAsync(Trigger, null, "schedule-refused", drill.Spec.Name, $"run {refused}: {halted.Describe()}", CancellationToken.None);
            return refused;
        }

        if (schedule.WhyNotAllowed(now) is { } why)
        {
            var skipped = await RecordSkippedAsync(drill, now, $"scheduled occurrence skipped: {why}", cancellationToken);
            await audit.WriteAsync(Trigger, null, "schedule-skip", drillName, $"run {skipped}: {why}", CancellationToken.None);
            return skipped;
        }

        var outcome = await coordinator.TriggerAsync(drillName, Trigger, refuseIfBusy: false, cancellationToken);
        if (outcome.Refusal == TriggerRefusal.Halted)
        {
            // Halted between the check above and the trigger.
            var refused = await RecordSkippedAsync(drill, now, $"scheduled occurrence refused: {outcome.Detail}", cancellationToken);
            await audit.WriteAsync(Trigger, null, "schedule-refused", drill.Spec.Name, $"run {refused}: {outcome.Detail}", CancellationToken.None);
            return refused;
        }

        await audit.WriteAsync(Trigger, null, outcome.RunId is null ? "trigger-refused" : "trigger", drillName,
            outcome.RunId is null ? outcome.Detail : $"run {outcome.RunId}, trigger {Trigger}", CancellationToken.None);
        return outcome.RunId;
    }

    /// <summary>An occurrence that does not run is recorded as a NotStarted run saying why.</summary>
    private async Task<string> RecordSkippedAsync(LoadedDrill drill, DateTimeOffset now, string why, CancellationToken cancellationToken)
    {
        var runId = SharedRunIds.New(runner);
        await runner.Journal.CreateRunAsync(
            new RunRecord(runId, drill.Spec.Name, drill.Environment.Name, drill.Environment.Driver, Trigger, drill.DrillFile, drill.Environment.SourceFile, RunStatus.NotStarted, now),
            cancellationToken);
        await runner.Journal.AppendEventAsync(runId, new TimelineEvent(now, EventKinds.Note, why), cancellationToken);
        await runner.Journal.FinishRunAsync(runId, RunStatus.NotStarted, now, null, null, null, cancellationToken);
        return runId;
    }
}
