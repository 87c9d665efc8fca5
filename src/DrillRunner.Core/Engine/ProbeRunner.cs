using DrillRunner.Alerts;
using DrillRunner.Probes;
using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// Runs every probe on its own interval for the whole run, feeding the timeline; beside them the alert watcher and
/// the run's notification subscriptions (when the drill names an alert source) and the instance sampler (when an
/// objective observes services).
/// </summary>
internal sealed class ProbeRunner : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops;
    private readonly List<IDisposable> _subscriptions = [];

    private ProbeRunner(RunState state)
    {
        var context = state.Context;
        _loops = state.Drill.Probes.Select(p => Task.Run(() => LoopAsync(p, context, _stop.Token))).ToList();
        if (state.Drill.Spec.Alerts is { } alerts)
        {
            var recorder = new AlertRecorder(alerts, context.Timeline);
            foreach (var feed in state.Notifications)
            {
                _subscriptions.Add(feed.Subscribe((received, at) => recorder.Record(received, at)));
            }

            var watcher = new AlertWatcher(alerts, context.Http, context.Timeline, context.Time);
            _loops.Add(Task.Run(() => watcher.RunAsync(_stop.Token)));
        }

        var services = state.Drill.Objectives.Select(o => o.Objective).OfType<IObservesServices>()
            .SelectMany(o => o.ObservedServices).Distinct(StringComparer.Ordinal).ToList();
        if (services.Count > 0)
        {
            var sampler = new InstanceSampler(services, context);
            _loops.Add(Task.Run(() => sampler.RunAsync(_stop.Token)));
        }
    }

    /// <summary>Starts every probe, the alert intake and the instance sampler the drill needs.</summary>
    public static ProbeRunner Start(RunState state) => new(state);

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public void Dispose() => _stop.Dispose();

    private static async Task LoopAsync(IProbe probe, StepContext context, CancellationToken cancellationToken)
    {
        var next = context.Time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                context.Timeline.Add(await probe.SampleAsync(context, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A probe that throws is a failed sample, never a dead probe loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                context.Timeline.Add(new ProbeSample(probe.Name, context.Time.GetUtcNow(), false, 0, null, ex.Message));
            }

            next += probe.Interval;
            var wait = next - context.Time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                next = context.Time.GetUtcNow();
                continue;
            }

            try
            {
                await Task.Delay(wait, context.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
