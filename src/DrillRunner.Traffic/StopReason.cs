namespace DrillRunner.Traffic;

public enum StopReason
{
    /// <summary>The profile ended or the plan's duration elapsed.</summary>
    Duration,

    /// <summary>The plan's maximum request count was reached.</summary>
    MaxRequests,

    /// <summary>The caller's cancellation token fired.</summary>
    Cancelled,
}
