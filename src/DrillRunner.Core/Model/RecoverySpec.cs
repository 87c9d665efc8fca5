using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>When the system counts as recovered after the restore.</summary>
public sealed class RecoverySpec
{
    /// <summary>Consecutive passing samples of every probe that mean "service back".</summary>
    [Range(1, 1000)]
    public int ConsecutiveSamples { get; init; } = 3;

    /// <summary>How long to keep observing after the restore before giving up on recovery.</summary>
    [DurationRange("1s", "24h")]
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(1);
}
