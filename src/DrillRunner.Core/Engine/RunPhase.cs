namespace DrillRunner.Engine;

/// <summary>The lifecycle phases of DESIGN.md, as shown in progress and events.</summary>
public enum RunPhase
{
    Starting,
    Preflight,
    Inject,
    Restore,
    Recover,

    /// <summary>Probes that wrote something read it back (canaries), before scoring.</summary>
    Verify,
    Score,
    Done,
}
