using DrillRunner.Drivers;
using DrillRunner.Model;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>What a step, an undo or a probe may use: the environment, its driver, the clock, randomness.</summary>
public sealed class StepContext
{
    public required string RunId { get; init; }

    public required EnvironmentSpec Environment { get; init; }

    public required IEnvironmentDriver Driver { get; init; }

    public required TimeProvider Time { get; init; }

    public required RunTimeline Timeline { get; init; }

    /// <summary>Injected so target selection is reproducible in tests.</summary>
    public Random Random { get; init; } = new();

    /// <summary>In-process state of active steps (e.g. a running traffic generator), keyed by the step's name.</summary>
    public RunResources Resources { get; init; } = new();

    /// <summary>Asks an operator to acknowledge a runbook step; null when nobody can answer.</summary>
    public IOperatorChannel? Operator { get; init; }

    /// <summary>
    /// True once every step of the method ran and none failed, set by the engine before the restore phase: an undo
    /// may then leave what the runbook restored in place. False after an abort, a failed step and in crash recovery
    /// (where nobody knows how far the runbook got).
    /// </summary>
    public bool RunbookCompleted { get; set; }

    /// <summary>Shared HTTP client for probes and app-level fault endpoints (loopback staging targets).</summary>
    public HttpClient Http { get; init; } = SharedHttp.Client;
}
