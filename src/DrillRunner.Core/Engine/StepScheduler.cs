using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// The inject phase: runs steps at their offsets. Each change is journaled (pending) before it is made, then
/// marked active; a fault with a duration is undone when the duration ends.
/// </summary>
internal sealed class StepScheduler(RunState state, Restorer restorer)
{
    private readonly List<Task> _timedUndos = [];

    public async Task RunAsync(DateTimeOffset methodStart, CancellationToken cancellationToken)
    {
        foreach (var step in state.Drill.Steps)
        {
            await DelayUntilAsync(methodStart + step.Options.At, cancellationToken);
            var change = await RunStepAsync(step, cancellationToken);
            if (change is not null && step.Options.Duration is { } duration)
            {
                _timedUndos.Add(UndoLaterAsync(change, methodStart + step.Options.At + duration, cancellationToken));
            }
        }

        await DelayUntilAsync(methodStart + state.Drill.MethodLength, cancellationToken);
        await Task.WhenAll(_timedUndos);
    }

    private async Task<ActiveChange?> RunStepAsync(PlannedStep step, CancellationToken cancellationToken)
    {
        var started = state.Time.GetUtcNow();
        var runbook = !step.Step.IsFault && !step.Step.IsBackground;
        try
        {
            var (change, detail) = await InjectAsync(step, cancellationToken);
            Record(step, runbook, started, StepOutcome.Done, detail);
            return change;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(step, runbook, started, StepOutcome.Interrupted, "interrupted: the run was aborted");
            throw;
        }
        catch (Exception ex)
        {
            Record(step, runbook, started, StepOutcome.Failed, ex.Message);
            await state.LogAsync(EventKinds.Error, $"step {step.Label} failed: {ex.Message}", step.Label);
            if (runbook)
            {
                throw new RunbookStepFailedException(step.Label, ex.Message, ex);
            }

            throw;
        }
    }

    private async Task<(ActiveChange? Change, string Detail)> InjectAsync(PlannedStep step, CancellationToken cancellationToken)
    {
        var undo = await step.Step.PrepareAsync(state.Context, cancellationToken);
        ActiveChange? change = null;
        if (undo is not null)
        {
            // Journal first: if the runner dies from here on, the next start can undo this.
            var entryId = await state.Journal.AddUndoAsync(state.RunId, step.Label, undo, state.Time.GetUtcNow(), CancellationToken.None);
            change = new ActiveChange(entryId, step.Label, undo, step.Step.IsFault);
            state.Track(change);
        }

        if (step.Step.IsFault)
        {
            state.MarkFaultInjected();
        }

        var detail = await step.Step.ExecuteAsync(state.Context, undo, cancellationToken);
        if (change is not null)
        {
            await state.Journal.SetUndoStatusAsync(change.EntryId, UndoStatus.Active, state.Time.GetUtcNow(), null, CancellationToken.None);
        }

        await state.LogAsync(step.Step.IsFault ? EventKinds.FaultInjected : EventKinds.Action, detail, step.Label);
        return (change, detail);
    }

    private void Record(PlannedStep step, bool runbook, DateTimeOffset started, StepOutcome outcome, string detail) =>
        state.Timeline.Add(new StepRecord(step.Label, step.Options.Kind, runbook, started, state.Time.GetUtcNow(), outcome, detail));

    private async Task UndoLaterAsync(ActiveChange change, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Cancelled (abort): leave it to the restore phase.
        await DelayUntilAsync(at, cancellationToken);
        await restorer.UndoAsync(state, change);
    }

    private async Task DelayUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - state.Time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, state.Time, cancellationToken);
        }
    }
}
