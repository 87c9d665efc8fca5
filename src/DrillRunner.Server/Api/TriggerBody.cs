namespace DrillRunner.Api;

/// <summary>Body of <c>POST /api/drills/{name}/runs</c>.</summary>
public sealed class TriggerBody
{
    public const string Queue = "queue";
    public const string Refuse = "refuse";

    /// <summary>Why the run is triggered; recorded with the caller as the run's trigger.</summary>
    public string? Reason { get; init; }

    /// <summary><c>queue</c> (default: wait for the environment) or <c>refuse</c> (409 when busy).</summary>
    public string IfBusy { get; init; } = Queue;
}
