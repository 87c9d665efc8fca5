namespace DrillRunner.Metrics;

/// <summary>
/// Names of the Prometheus metrics the server exports. Dashboards and alert rules in <c>dashboards/</c> use only
/// these (a test checks it).
/// </summary>
public static class MetricNames
{
    /// <summary>Counter; labels drill, status, verdict.</summary>
    public const string RunsTotal = "drillrunner_runs_total";

    /// <summary>Gauge; label drill. Score 0-100 of the latest scored run.</summary>
    public const string LastScore = "drillrunner_last_score";

    /// <summary>Gauge; label drill. Measured RTO of the latest run, seconds.</summary>
    public const string LastRtoSeconds = "drillrunner_last_rto_seconds";

    /// <summary>Gauge; label drill. The drill's RTO target, seconds.</summary>
    public const string RtoTargetSeconds = "drillrunner_rto_target_seconds";

    /// <summary>Gauge; label drill. Time to detect of the latest run, seconds.</summary>
    public const string LastTimeToDetectSeconds = "drillrunner_last_time_to_detect_seconds";

    /// <summary>Gauge; label environment. Faults injected and not yet reverted.</summary>
    public const string ActiveFaults = "drillrunner_active_faults";

    /// <summary>Gauge; label environment. Age of the oldest active fault, seconds (0 when none).</summary>
    public const string OldestActiveFaultSeconds = "drillrunner_oldest_active_fault_seconds";

    /// <summary>Counter; label drill. Runs that ended restore-failed.</summary>
    public const string RestoreFailuresTotal = "drillrunner_restore_failures_total";

    /// <summary>Gauge; labels drill, environment. 1 while a run is in progress.</summary>
    public const string RunInProgress = "drillrunner_run_in_progress";

    /// <summary>Gauge. 1 while the runner is up and its scheduler is running.</summary>
    public const string RunnerUp = "drillrunner_runner_up";

    /// <summary>Gauge. 1 while the halt-all switch is on (no drill runs).</summary>
    public const string Halted = "drillrunner_halted";
}
