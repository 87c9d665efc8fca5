namespace DrillRunner.Engine;

/// <summary>The lifecycle phases of DESIGN.md, as shown in progress and events.</summary>
public enum RunPhase
{
    Starting,
    Preflight,
    Inject,
    Restore,
    Recover,
    Score,
    Done,
}
