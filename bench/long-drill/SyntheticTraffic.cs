using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps;
using DrillRunner.Timeline;

namespace LongDrill;

/// <summary>Options of the bench-only step <c>synthetic-traffic</c>: one 1-second traffic bucket per second of the run.</summary>
public sealed class SyntheticTrafficOptions : StepOptions
{
    public int PerSecond { get; init; } = 50;
}

/// <summary>
/// What the traffic step adds to the timeline (one <see cref="TrafficSecond"/> per second of intended send time, with
/// its latency percentiles), on the fake clock, failing while the fake driver has an app instance down.
/// </summary>
internal sealed class SyntheticTraffic(SyntheticTrafficOptions options) : IStep
{
    public bool IsFault => false;

    public string Describe() => $"synthetic traffic {options.PerSecond}/s";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult<UndoRecord?>(null);

    public Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var stop = new CancellationTokenSource();
        var loop = RunAsync(context, stop.Token);
        context.Resources.Add("synthetic-traffic", new Stopper(stop, loop));
        return Task.FromResult(Describe());
    }

    private async Task RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var start = context.Time.GetUtcNow();
        for (var second = 0; !cancellationToken.IsCancellationRequested; second++)
        {
            try
            {
                await Task.Delay(start.AddSeconds(second + 1) - context.Time.GetUtcNow(), context.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var down = (await context.Driver.ListInstancesAsync("app", CancellationToken.None)).Count(i => i.State != DrillRunner.Drivers.InstanceState.Running);
            var failed = down * options.PerSecond / 3L;
            var failures = failed == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { ["status-503"] = failed };
            context.Timeline.Add(new TrafficSecond(start.AddSeconds(second), "shoppers", options.PerSecond, options.PerSecond, options.PerSecond - failed, failed, failures,
                4 + (second % 7), 12 + (second % 11), 20 + (second % 13) + (down * 30), 40 + (down * 100)));
        }
    }

    private sealed class Stopper(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
