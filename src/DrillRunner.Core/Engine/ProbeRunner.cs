using DrillRunner.Alerts;
using DrillRunner.Model;
using DrillRunner.Probes;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>Runs every probe on its own interval for the whole run (and the alert watcher), feeding the timeline.</summary>
internal sealed class ProbeRunner : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops;

    private ProbeRunner(IReadOnlyList<IProbe> probes, StepContext context, AlertSourceSpec? alerts)
    {
        _loops = probes.Select(p => Task.Run(() => LoopAsync(p, context, _stop.Token))).ToList();
        if (alerts is not null)
        {
            var watcher = new AlertWatcher(alerts, context.Http, context.Timeline, context.Time);
            _loops.Add(Task.Run(() => watcher.RunAsync(_stop.Token)));
        }
    }

    /// <summary>Starts every probe, and the alert watcher when the drill names an alert source.</summary>
    public static ProbeRunner Start(IReadOnlyList<IProbe> probes, StepContext context, AlertSourceSpec? alerts = null) => new(probes, context, alerts);

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
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
