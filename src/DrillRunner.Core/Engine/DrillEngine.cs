using System.Globalization;
using DrillRunner.Alerts;
using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Engine.Halt;
using DrillRunner.Engine.Locks;
using DrillRunner.Engine.Watch;
using DrillRunner.Guardrails;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// Runs a drill through the lifecycle of DESIGN.md: guardrails, preflight, inject (with abort conditions),
/// restore (always, in reverse, verified), recover, score. The restore runs in a finally: after success,
/// abort, cancellation and errors alike. <see cref="EngineSafety"/> adds the halt-all switch, the dead-man's switch
/// (a watchdog per run) and the maximum run length.
/// </summary>
public sealed class DrillEngine(DrillCatalog catalog, IJournalStore journal, IEnvironmentLock environmentLock, TimeProvider time, EngineSafety? safety = null)
{
    private readonly EngineSafety _safety = safety ?? new EngineSafety();

    /// <summary>How often progress is published.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task<RunResult> RunAsync(LoadedDrill drill, IEnvironmentDriver driver, RunRequest request, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentNullException.ThrowIfNull(request);
        var maxDuration = drill.Spec.MaxDuration ?? _safety.DefaultMaxDuration;
        GuardrailCheck.Run(drill, catalog, driver, maxDuration).ThrowIfAny();
        await driver.ThrowIfClaimedElsewhereAsync(CancellationToken.None);
        await ThrowIfHaltedAsync();
        var runId = request.RunId ?? RunIds.New(time);
        await using var held = await environmentLock.AcquireAsync(drill.Environment.Name, runId, CancellationToken.None);
        await ThrowIfHaltedAsync();
        await new CrashRecovery(journal, catalog, time).RecoverEnvironmentAsync(drill.Environment, driver, CancellationToken.None);

        // The run's own webhook receiver listens before anything starts: a port in use stops the run here.
        var notifications = new List<AlertNotifications>();
        await using var receiver = drill.Spec.Alerts?.Webhook is { } webhook ? AlertWebhookListener.Start(webhook.Port, Own(notifications), time) : null;
        if (request.AlertNotifications is { } shared)
        {
            notifications.Add(shared);
        }
        // The dead-man's switch starts before anything changes and outlives this process.
        await using var watch = _safety.Watchdog is { } watchdog
            ? await watchdog.WatchAsync(new WatchedRun(runId, drill.Environment.Name, drill.Spec.Lease), CancellationToken.None)
            : null;

        var seed = request.Seed ?? Random.Shared.Next();
        await using var resources = new RunResources();
        var context = new StepContext
        {
            RunId = runId,
            Environment = drill.Environment,
            Driver = driver,
            Time = time,
            Timeline = new RunTimeline(),
            Random = new Random(seed),
            Resources = resources,
            Operator = request.Operator,
            Http = request.Http ?? SharedHttp.Client,
        };
        if (request.Events is { } events)
        {
            context.Timeline.EventAdded += events.Report;
        }

        var state = new RunState(drill, context, journal, notifications);
        await journal.CreateRunAsync(
            new RunRecord(runId, drill.Spec.Name, drill.Environment.Name, driver.Name, request.Trigger, drill.DrillFile, drill.Environment.SourceFile, RunStatus.Running, state.StartedAt),
            CancellationToken.None);
        if (request.RunId is not null && await StatusAsync(runId) is { } recorded && recorded != RunStatus.Running)
        {
            // A queued run becomes Running only while still Queued; cancelled meanwhile, it must not start.
            throw new RunCancelledException($"run {runId} is {recorded.ToString().ToLowerInvariant()}: it was cancelled before it started");
        }

        await state.LogAsync(EventKinds.Note, $"run {runId} of drill '{drill.Spec.Name}' on '{drill.Environment.Name}' ({driver.Name} driver), trigger {request.Trigger}, seed {seed.ToString(CultureInfo.InvariantCulture)}");
        if (watch is not null)
        {
            await state.LogAsync(EventKinds.Note, watch.Description);
        }

        if (receiver is not null)
        {
            await state.LogAsync(EventKinds.Note, $"Alertmanager webhook receiver listening on {receiver.Prefix} for this run");
        }

        using var progressStop = new CancellationTokenSource();
        var progress = PublishProgressAsync(state, request.Progress, progressStop.Token);
        try
        {
            var outcome = await new RunLifecycle(state, catalog, new RunStops(_safety, maxDuration), request.AbortReason).RunAsync(abort);
            return outcome;
        }
        finally
        {
            await progressStop.CancelAsync();
            await progress;
        }
    }

    private static AlertNotifications Own(List<AlertNotifications> notifications)
    {
        var own = new AlertNotifications();
        notifications.Add(own);
        return own;
    }

    private async Task<RunStatus?> StatusAsync(string runId)
    {
        try
        {
            return (await journal.GetRunAsync(runId, CancellationToken.None))?.Status;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return null; // A journal that cannot be read here is no reason not to run; the write above went through.
        }
    }

    private async Task ThrowIfHaltedAsync()
    {
        if (_safety.Halt is { } halt && await halt.ReadAsync(CancellationToken.None) is { } halted)
        {
            throw new HaltedException(halted);
        }
    }

    private async Task PublishProgressAsync(RunState state, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        if (progress is null)
        {
            return;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                progress.Report(RunProgressFactory.Create(state));
                await Task.Delay(ProgressInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            progress.Report(RunProgressFactory.Create(state));
        }
    }
}
