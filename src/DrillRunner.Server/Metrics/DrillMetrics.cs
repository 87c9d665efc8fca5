using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Objectives.Recover;
using DrillRunner.Timeline;
using Prometheus;

namespace DrillRunner.Metrics;

/// <summary>
/// The runner's Prometheus metrics, exactly the names of <see cref="MetricNames"/>, in a registry of its own. Active
/// faults count the live runs' faults plus every undo still outstanding in the journal (restore-failed runs), so
/// <c>DrillFaultActiveTooLong</c> keeps firing until the restore succeeds or a human gives it up.
/// </summary>
internal sealed class DrillMetrics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Count, TimeSpan Oldest)> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, DateTimeOffset Since)> _outstanding = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Counter _runs;
    private readonly Counter _restoreFailures;
    private readonly Gauge _lastScore;
    private readonly Gauge _lastRto;
    private readonly Gauge _rtoTarget;
    private readonly Gauge _lastTimeToDetect;
    private readonly Gauge _activeFaults;
    private readonly Gauge _oldestActiveFault;
    private readonly Gauge _inProgress;
    private readonly Gauge _up;
    private readonly Gauge _halted;

    public DrillMetrics(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _runs = factory.CreateCounter(MetricNames.RunsTotal, "Runs finished, by drill, status and verdict", "drill", "status", "verdict");
        _restoreFailures = factory.CreateCounter(MetricNames.RestoreFailuresTotal, "Runs that ended restore-failed", "drill");
        _lastScore = factory.CreateGauge(MetricNames.LastScore, "Score 0-100 of the latest scored run", "drill");
        _lastRto = factory.CreateGauge(MetricNames.LastRtoSeconds, "Measured RTO of the latest run, seconds", "drill");
        _rtoTarget = factory.CreateGauge(MetricNames.RtoTargetSeconds, "The drill's RTO target, seconds", "drill");
        _lastTimeToDetect = factory.CreateGauge(MetricNames.LastTimeToDetectSeconds, "Time to detect of the latest run, seconds", "drill");
        _activeFaults = factory.CreateGauge(MetricNames.ActiveFaults, "Faults injected and not yet reverted", "environment");
        _oldestActiveFault = factory.CreateGauge(MetricNames.OldestActiveFaultSeconds, "Age of the oldest active fault, seconds", "environment");
        _inProgress = factory.CreateGauge(MetricNames.RunInProgress, "1 while a run is in progress", "drill", "environment");
        _up = factory.CreateGauge(MetricNames.RunnerUp, "1 while the runner is up and its scheduler is running");
        _halted = factory.CreateGauge(MetricNames.Halted, "1 while the halt-all switch is on");
        Registry.AddBeforeCollectCallback(PublishFaults);
    }

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public void SetUp(bool up) => _up.Set(up ? 1 : 0);

    public void SetHalted(bool halted) => _halted.Set(halted ? 1 : 0);

    public void RunStarted(LoadedDrill drill)
    {
        _inProgress.WithLabels(drill.Spec.Name, drill.Environment.Name).Set(1);
        if (drill.Spec.Objectives.OfType<RecoverOptions>().FirstOrDefault() is { } recover)
        {
            _rtoTarget.WithLabels(drill.Spec.Name).Set(recover.Target.TotalSeconds);
        }
    }

    /// <summary>The faults of the live run on an environment, from its progress.</summary>
    public void Faults(string environment, int active, TimeSpan oldest)
    {
        lock (_gate)
        {
            _live[environment] = (active, oldest);
        }

        PublishFaults();
    }

    /// <summary>
    /// Undos outstanding in the journal (restore-failed runs), by environment: how many and since when the oldest was
    /// made. Environments not given have none.
    /// </summary>
    public void Outstanding(IReadOnlyDictionary<string, (int Count, DateTimeOffset Since)> byEnvironment)
    {
        lock (_gate)
        {
            foreach (var environment in _outstanding.Keys.Except(byEnvironment.Keys).ToList())
            {
                _outstanding[environment] = (0, default);
            }

            foreach (var (environment, value) in byEnvironment)
            {
                _outstanding[environment] = value;
            }
        }

        PublishFaults();
    }

    public void RunEnded(string drill, string environment, RunResult? result, RunStatus status)
    {
        _inProgress.WithLabels(drill, environment).Set(0);
        var notRestored = result?.Changes.Where(c => c.Status is not (UndoStatus.Reverted or UndoStatus.GivenUp)).ToList() ?? [];
        lock (_gate)
        {
            _live[environment] = (0, TimeSpan.Zero);
            if (status == RunStatus.RestoreFailed && notRestored.Count > 0)
            {
                // Up at once, not only at the next sweep: the restore failed, the fault is still there.
                _outstanding[environment] = (notRestored.Count, notRestored.Min(c => c.InjectedAt ?? c.CreatedAt));
            }
        }

        PublishFaults();
        _runs.WithLabels(drill, status.ToString(), result?.Score?.Verdict.ToString() ?? "None").Inc();
        if (status == RunStatus.RestoreFailed)
        {
            _restoreFailures.WithLabels(drill).Inc();
        }

        if (result?.Score is { } score)
        {
            _lastScore.WithLabels(drill).Set(score.Value);
        }

        if (result is not null && Recovery(result) is var (rto, detect))
        {
            if (rto is { } r)
            {
                _lastRto.WithLabels(drill).Set(r.TotalSeconds);
            }

            if (detect is { } d)
            {
                _lastTimeToDetect.WithLabels(drill).Set(d.TotalSeconds);
            }
        }
    }

    private void PublishFaults()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var environment in _live.Keys.Union(_outstanding.Keys))
            {
                var live = _live.GetValueOrDefault(environment);
                var outstanding = _outstanding.GetValueOrDefault(environment);
                var count = live.Count + outstanding.Count;
                var oldest = Math.Max(live.Count > 0 ? live.Oldest.TotalSeconds : 0, outstanding.Count > 0 ? (now - outstanding.Since).TotalSeconds : 0);
                _activeFaults.WithLabels(environment).Set(count);
                _oldestActiveFault.WithLabels(environment).Set(count == 0 ? 0 : oldest);
            }
        }
    }

    /// <summary>E6 - E1 and E2 - E1 of DESIGN.md, read from the timeline like the scorer does.</summary>
    private static (TimeSpan? Rto, TimeSpan? Detect)? Recovery(RunResult result)
    {
        var from = result.Window?.FirstFaultAt ?? result.Window?.MethodStart;
        var samples = result.Timeline.Samples.Where(s => from is null || s.At >= from).OrderBy(s => s.At).ToList();
        var firstFailure = samples.FirstOrDefault(s => !s.Ok);
        if (firstFailure is null)
        {
            return null;
        }

        var lastFailure = samples.Last(s => !s.Ok).At;
        var back = samples.FirstOrDefault(s => s.Ok && s.At > lastFailure);
        var alert = result.Timeline.Events.FirstOrDefault(e => e.Kind == EventKinds.Alert && e.At >= firstFailure.At);
        return (back is null ? null : back.At - firstFailure.At, alert is null ? null : alert.At - firstFailure.At);
    }
}
