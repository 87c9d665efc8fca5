namespace DrillRunner.Timeline;

/// <summary>
/// A canary write the application acknowledged: its sequence number, when the runner sent it and when it received
/// the acknowledgement, and the id the application returned (null when it answered success without one).
/// </summary>
public sealed record CanaryAck(string Probe, long Sequence, DateTimeOffset SentAt, DateTimeOffset AckAt, int Status, string? Id);

/// <summary>What reading an acknowledged canary back found.</summary>
public enum CanaryOutcome
{
    /// <summary>Read back with the content it was written with.</summary>
    Found,

    /// <summary>The read path says it does not exist (404 by default): lost.</summary>
    Missing,

    /// <summary>Read back, but with other content than was written: lost.</summary>
    Different,

    /// <summary>Could not be read (errors, timeouts, no id to read by): nobody knows whether it survived.</summary>
    Unreadable,
}

/// <summary>One read-back of one acknowledged canary, in a verification round (after recovery, end of run).</summary>
public sealed record CanaryCheck(string Probe, long Sequence, string? Id, string Round, DateTimeOffset At, CanaryOutcome Outcome, string? Detail = null);

/// <summary>The verification rounds the engine runs, in order.</summary>
public static class CanaryRounds
{
    public const string AfterRecovery = "after-recovery";
    public const string End = "end";
}
