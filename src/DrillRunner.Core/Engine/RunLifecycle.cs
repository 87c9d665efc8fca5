using System.Text.Json;
using DrillRunner.Catalog;
using DrillRunner.Journal;
using DrillRunner.Scoring;
using DrillRunner.Steps;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>Phases 3 to 9 of one run; see <see cref="DrillEngine"/>.</summary>
internal sealed class RunLifecycle(RunState state, DrillCatalog catalog, RunStops stops, Func<string?>? abortReason)
{
    private readonly Restorer _restorer = new(new UndoExecutor(catalog, state.Journal, state.Time));

    public async Task<RunResult> RunAsync(CancellationToken abort)
    {
        var status = RunStatus.Completed;
        string? reason = null;
        DateTimeOffset? methodStart = null;
        await using (var probes = ProbeRunner.Start(state))
        {
            using var inject = CancellationTokenSource.CreateLinkedTokenSource(abort);
            using var monitorStop = new CancellationTokenSource();
            var monitor = new AbortMonitor();
            var stopping = stops.RunAsync(state, inject, monitorStop.Token);
            try
            {
                await state.EnterAsync(RunPhase.Preflight);
                reason = await SteadyState.WaitForWindowAsync(state, state.Drill.Spec.Preflight.Window, state.Drill.Spec.Preflight.Timeout, inject.Token);
                if (reason is not null)
                {
                    status = RunStatus.NotStarted;
                    await state.LogAsync(EventKinds.Note, $"not started: {reason}");
                }
                else
                {
                    await state.EnterAsync(RunPhase.Inject);
                    methodStart = state.Time.GetUtcNow();
                    var monitoring = monitor.RunAsync(state, inject, monitorStop.Token);
                    try
                    {
                        await new StepScheduler(state, _restorer).RunAsync(methodStart.Value, inject.Token);
                        state.Context.RunbookCompleted = true;
                    }
                    finally
                    {
                        await monitorStop.CancelAsync();
                        await monitoring;
                    }
                }
            }
            catch (RunbookStepFailedException ex)
            {
                // The DR plan failed: stop the rest of the method as an abort would; the score says FAIL with the step.
                await inject.CancelAsync();
                status = RunStatus.Aborted;
                reason = ex.Message;
                await state.LogAsync(EventKinds.Abort, $"{reason}: the runbook stopped, restoring");
            }
            catch (OperationCanceledException) when (inject.IsCancellationRequested)
            {
                status = RunStatus.Aborted;
                reason = monitor.Reason ?? stops.Reason ?? abortReason?.Invoke() ?? "aborted by operator";
                await state.LogAsync(EventKinds.Abort, $"{reason}: injection stopped, restoring");
            }
#pragma warning disable CA1031 // Any engine error still ends in a restore and a recorded, reported run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                status = RunStatus.Errored;
                reason = ex.Message;
                await state.LogAsync(EventKinds.Error, $"run error: {ex.Message}");
            }
            finally
            {
                await monitorStop.CancelAsync();
                await stopping;
                await state.EnterAsync(RunPhase.Restore);
                await _restorer.RestoreAllAsync(state);
            }

            var restoreEnd = state.Time.GetUtcNow();
            if (_restorer.AnyFailed)
            {
                status = RunStatus.RestoreFailed;
                reason = "something the drill changed could not be restored; see the errors in the timeline";
            }

            if (status != RunStatus.NotStarted)
            {
                await state.EnterAsync(RunPhase.Recover);
                var recovered = await SteadyState.WaitForRecoveryAsync(state, restoreEnd, CancellationToken.None);
                await state.LogAsync(EventKinds.Note, recovered ? "steady state back" : $"steady state not back within {state.Drill.Spec.Recovery.Deadline.TotalSeconds:0}s of the restore");
                if (Verification.IsNeeded(state))
                {
                    await state.EnterAsync(RunPhase.Verify);
                    await Verification.RunAsync(state, CanaryRounds.AfterRecovery);
                }
            }

            return await FinishAsync(status, reason, methodStart, restoreEnd, probes);
        }
    }

    private async Task<RunResult> FinishAsync(RunStatus status, string? reason, DateTimeOffset? methodStart, DateTimeOffset restoreEnd, ProbeRunner probes)
    {
        await probes.DisposeAsync();
        if (status != RunStatus.NotStarted)
        {
            // Once more with the probes stopped: writes acknowledged since the first round, and anything that vanished since.
            await Verification.RunAsync(state, CanaryRounds.End);
        }

        await state.EnterAsync(RunPhase.Score);
        var end = state.Time.GetUtcNow();
        var journal = await state.Journal.GetUndoEntriesAsync(state.RunId, CancellationToken.None);
        var restoreStart = state.Timeline.LastEvent(e => e.Kind == EventKinds.Phase && e.Message == "phase restore")?.At ?? restoreEnd;
        var window = new RunWindow(methodStart ?? end, state.FirstFaultAt, restoreStart, restoreEnd, end);
        Score? score = null;
        if (status is RunStatus.Completed or RunStatus.Aborted && methodStart is not null)
        {
            var input = new ScoringInput(state.Timeline.Snapshot(), journal, window, state.Drill.Spec.Recovery, stops.Reason);
            var intervals = state.Drill.Probes.ToDictionary(p => p.Name, p => p.Interval, StringComparer.Ordinal);
            score = Scorer.Score(state.Drill.Objectives, input, state.Drill.Spec.PassScore, intervals);
            await state.LogAsync(EventKinds.Note, $"score {Scorer.Format(score.Value)} ({score.Band}), verdict {score.Verdict.ToString().ToUpperInvariant()}");
        }

        await state.EnterAsync(RunPhase.Done);
        var result = new RunResult(
            state.RunId, state.Drill.Spec.Name, state.Drill.Spec.Description, state.Drill.Environment.Name, state.Context.Driver.Name,
            (await state.Journal.GetRunAsync(state.RunId, CancellationToken.None))?.Trigger ?? "",
            status, reason, state.StartedAt, state.Time.GetUtcNow(), window,
            state.Drill.Steps.Select(s => new StepSummary(s.Label, s.Options.Kind, s.Step.Describe(), s.Options.At, s.Options.Duration, s.Step.IsFault, s.Step.IsBackground)).ToList(),
            await state.Journal.GetUndoEntriesAsync(state.RunId, CancellationToken.None),
            state.Timeline.Snapshot(),
            score,
            state.Drill.Spec.Recovery)
        {
            Incident = state.Drill.Spec.Incident,
            DeclaredObjectives = state.Drill.Environment.Objectives,
            SchedulePeriod = SchedulePeriod.Of(state.Drill.Spec.Schedule, state.StartedAt),
        };
        var journalError = await UndoExecutor.TryJournalAsync(() => state.Journal.FinishRunAsync(
            state.RunId, status, result.EndedAt, score?.Verdict.ToString().ToUpperInvariant(), score?.Value, JsonSerializer.Serialize(result, JsonDefaults.Compact), CancellationToken.None));
        if (journalError is not null)
        {
            // The restore is done; only the record of it is missing. The journal still says Running, so `drill recover`
            // checks every change again (idempotently) and closes the run.
            await state.LogAsync(EventKinds.Error, $"journal: the end of this run could not be recorded ({journalError}); `drill recover` will close it");
            result = result with { Timeline = state.Timeline.Snapshot() };
        }

        return result;
    }
}
