using System.ComponentModel.DataAnnotations;
using DrillRunner.Traffic.Http;
using DrillRunner.Traffic.Loop;
using DrillRunner.Traffic.Recording;
using DrillRunner.Traffic.Running;

namespace DrillRunner.Traffic;

/// <summary>
/// Runs a <see cref="LoadPlan"/> against its target and reports per second. To surge during a drill, start a
/// second run with its own profile alongside the baseline one.
/// </summary>
public static class LoadGenerator
{
    /// <exception cref="TrafficTargetNotAllowedException">The target's host is not in the plan's allowlist.</exception>
    /// <exception cref="ValidationException">The plan is out of range.</exception>
    public static Task<LoadResult> RunAsync(
        LoadPlan plan, IProgress<TrafficSecond>? perSecond, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(plan, perSecond, time, observer: null, cancellationToken);

    /// <summary>As the public overload; <paramref name="observer"/> sees every finished request (for tests).</summary>
    internal static async Task<LoadResult> RunAsync(
        LoadPlan plan,
        IProgress<TrafficSecond>? perSecond,
        TimeProvider time,
        Action<RequestRecord>? observer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(time);
        Validator.ValidateObject(plan, new ValidationContext(plan), validateAllProperties: true);
        EnsureAllowed(plan);
        return await RunMeasuredAsync(plan, perSecond, time, observer, cancellationToken);
    }

    /// <summary>
    /// Runs the generator for about half a second against a responder inside this process (nothing is sent
    /// anywhere else), once per process, so the first second of the next run measures the target and not the
    /// generator's own JIT compilation. <c>drill load</c> calls it before it starts.
    /// </summary>
    public static Task WarmUpAsync(CancellationToken cancellationToken) =>
        JitWarmUp.EnsureAsync((p, ct) => RunMeasuredAsync(p, null, TimeProvider.System, null, ct), cancellationToken);

    private static async Task<LoadResult> RunMeasuredAsync(
        LoadPlan plan,
        IProgress<TrafficSecond>? perSecond,
        TimeProvider time,
        Action<RequestRecord>? observer,
        CancellationToken cancellationToken)
    {
        var endpoint = await TargetEndpoint.ResolveAsync(plan.Target, plan.Insecure, cancellationToken);
        var duration = plan.Profile is null || plan.Profile.Duration > plan.Duration ? plan.Duration : plan.Profile.Duration;
        var loop = EventLoopRun.CanRun(endpoint, time);
        var sockets = loop ? await LoopSockets.OpenAsync(endpoint, plan.Connections, plan.Timeout, time, cancellationToken) : [];
        var connections = loop
            ? [.. sockets.Select(_ => new HttpConnection(endpoint))] // unused by the loop; nothing is opened
            : await ConnectionPool.OpenAsync(endpoint, plan.Connections, plan.Timeout, time, cancellationToken);
        var run = new RunContext(plan, time, endpoint, duration) { Observer = observer };
        var workers = connections.Select((c, i) => new ConnectionWorker(run, c, i)).ToArray();
        using var background = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = new SecondReporter(run, perSecond);
        var reporting = reporter.RunAsync(background.Token);
        // The event loop enforces timeouts itself; the watchdog serves the socket engine's connections.
        var watchdog = loop ? Task.CompletedTask : TimeoutWatchdog.RunAsync(run, workers, background.Token);
        StopReason reason;
        try
        {
            reason = loop ? await EventLoopRun.RunAsync(run, workers, sockets, plan.Profile, cancellationToken)
                : plan.Profile is null ? await ClosedModelRun.RunAsync(run, workers, cancellationToken)
                : await OpenModelRun.RunAsync(run, plan.Profile, workers, cancellationToken);
        }
        finally
        {
            await background.CancelAsync();
            await Task.WhenAll(reporting, watchdog);
            Array.ForEach(workers, w => w.Dispose());
            Array.ForEach(sockets, s => s?.Dispose()); // the loop closed those it used; disposing twice is harmless
        }

        var elapsed = time.GetElapsedTime(run.Start);
        reporter.Finish();
        return BuildResult(run, reporter.Reported, workers, elapsed, ActiveTime(run, duration, elapsed, reason), reason);
    }

    private static void EnsureAllowed(LoadPlan plan)
    {
        var host = plan.Target.IdnHost;
        if (!plan.Target.IsAbsoluteUri
            || (plan.Target.Scheme != Uri.UriSchemeHttp && plan.Target.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Traffic target {plan.Target} must be an absolute http or https URI.", nameof(plan));
        }

        if (!plan.AllowedHosts.Any(h => string.Equals(h.Trim().Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)))
        {
            throw new TrafficTargetNotAllowedException(
                $"Traffic target host '{host}' is not in the allowlist ({string.Join(", ", plan.AllowedHosts)}); refusing to send.")
            {
                Host = host,
            };
        }
    }

    /// <summary>
    /// The window requests were issued in. Rates are taken over it, not over the drain after it, so a run that
    /// kept its schedule reports exactly its planned rate.
    /// </summary>
    private static TimeSpan ActiveTime(RunContext run, TimeSpan duration, TimeSpan elapsed, StopReason reason)
    {
        if (run.Plan.Profile is not null && reason == StopReason.Duration)
        {
            return duration;
        }

        var issuingEnded = Volatile.Read(ref run.IssuingEnded);
        return issuingEnded > 0 ? run.Time.GetElapsedTime(run.Start, issuingEnded) : elapsed;
    }

    private static LoadResult BuildResult(
        RunContext run,
        IReadOnlyList<TrafficSecond> seconds,
        ConnectionWorker[] workers,
        TimeSpan elapsed,
        TimeSpan active,
        StopReason reason)
    {
        var latency = Histograms.Total();
        var sendDelay = Histograms.Total();
        foreach (var worker in workers)
        {
            latency.Add(worker.Latency);
            sendDelay.Add(worker.SendDelay);
        }

        var total = Sum(seconds.Select(s => s.Counts)) with { Latency = Histograms.Summarize(latency) };
        var activeSeconds = Math.Max(active.TotalSeconds, 1e-9);
        return new LoadResult(
            total,
            seconds,
            run.StartedAt,
            elapsed,
            total.Planned / activeSeconds,
            total.Sent / activeSeconds,
            Histograms.Summarize(sendDelay),
            run.Recorder.Users.Active,
            run.Recorder.Users.Affected,
            reason)
        {
            ActiveUserSet = run.Recorder.Users.ActiveSet(),
            AffectedUserSet = run.Recorder.Users.AffectedSet(),
        };
    }

    private static TrafficCounts Sum(IEnumerable<TrafficCounts> counts) =>
        counts.Aggregate(
            new TrafficCounts(0, 0, 0, FailureCounts.None, 0, 0, default),
            (a, b) => new TrafficCounts(
                a.Planned + b.Planned,
                a.Sent + b.Sent,
                a.Ok + b.Ok,
                new FailureCounts(
                    a.Failed.Status4xx + b.Failed.Status4xx,
                    a.Failed.Status5xx + b.Failed.Status5xx,
                    a.Failed.Timeout + b.Failed.Timeout,
                    a.Failed.ConnectError + b.Failed.ConnectError,
                    a.Failed.Transport + b.Failed.Transport),
                a.Late + b.Late,
                a.Dropped + b.Dropped,
                default));
}
