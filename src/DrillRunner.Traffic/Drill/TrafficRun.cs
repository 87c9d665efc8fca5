using DrillRunner.Drivers;
using DrillRunner.Timeline;

namespace DrillRunner.Traffic.Drill;

/// <summary>
/// One generator running in the background of a drill, kept in the run's resources. Feeds each second into the
/// timeline as it settles and a summary when it ends (by itself or when disposed by the undo).
/// </summary>
internal sealed class TrafficRun : IAsyncDisposable, IProgress<TrafficSecond>
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<TrafficCounts> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RunTimeline _timeline;
    private readonly Task<LoadResult> _run;

    private TrafficRun(string source, LoadPlan plan, double baseRate, RunTimeline timeline, TimeProvider time)
    {
        Source = source;
        Plan = plan;
        BaseRate = baseRate;
        _timeline = timeline;
        _run = Task.Run(() => RunAsync(time));
    }

    public string Source { get; }

    public LoadPlan Plan { get; }

    /// <summary>The steady rate a surge multiplies (the last rate of the profile).</summary>
    public double BaseRate { get; }

    public Task<LoadResult> Completion => _run;

    public static TrafficRun Start(string source, LoadPlan plan, double baseRate, RunTimeline timeline, TimeProvider time) =>
        new(source, plan, baseRate, timeline, time);

    /// <summary>
    /// Waits for the first second's report and fails when no request got any answer: the step's proof that
    /// traffic is really flowing.
    /// </summary>
    public async Task<TrafficCounts> VerifyFlowingAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(1) + Plan.Timeout + TrafficStepConstants.FirstSecondSlack;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(limit, time, wait.Token);
        var done = await Task.WhenAny(_first.Task, _run, delay);
        await wait.CancelAsync();
        if (done == _run && !_first.Task.IsCompleted)
        {
            var result = await _run; // rethrows a failed start (allowlist, unresolvable host)
            throw new DriverException($"traffic '{Source}' ended before reporting a second ({result.StoppedBy})");
        }

        if (!_first.Task.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new DriverException($"traffic '{Source}' reported no second within {limit.TotalSeconds:0}s");
        }

        var counts = await _first.Task;
        var answered = counts.Ok + counts.Failed.Status4xx + counts.Failed.Status5xx;
        if (counts.Planned > 0 && answered == 0)
        {
            throw new DriverException(
                $"traffic '{Source}' got no answer to any of {counts.Planned} requests in its first second "
                + $"(connect errors {counts.Failed.ConnectError}, timeouts {counts.Failed.Timeout}, transport {counts.Failed.Transport}) to {Plan.Target}");
        }

        return counts;
    }

    public void Report(TrafficSecond value)
    {
        _timeline.Add(TimelineTraffic.ToTimeline(value, Source));
        if (value.Counts.Planned > 0)
        {
            _first.TrySetResult(value.Counts);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
#pragma warning disable CA1031 // A failed run was already reported by the step; stopping must not throw.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _stop.Dispose();
    }

    private async Task<LoadResult> RunAsync(TimeProvider time)
    {
        var result = await LoadGenerator.RunAsync(Plan, this, time, _stop.Token);
        _timeline.Add(TimelineTraffic.ToSummary(result, Source));
        return result;
    }
}
