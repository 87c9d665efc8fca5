namespace DrillRunner.Timeline;

/// <summary>Something that happened during a run, in the order it happened.</summary>
public sealed record TimelineEvent(DateTimeOffset At, string Kind, string Message, string? Step = null);

/// <summary>Event kinds used by the engine; reports and scoring read them.</summary>
public static class EventKinds
{
    public const string Phase = "phase";
    public const string FaultInjected = "fault-injected";
    public const string FaultReverted = "fault-reverted";
    public const string Action = "action";
    public const string Abort = "abort";
    public const string Error = "error";
    public const string Note = "note";
    public const string Alert = "alert";

    /// <summary>The alert source could not be read (logged once per run); detection then reports it as the reason.</summary>
    public const string AlertSourceUnreachable = "alert-source-unreachable";

    /// <summary>A verification round's summary: what reading back the canaries' writes found.</summary>
    public const string Verify = "verify";
}
