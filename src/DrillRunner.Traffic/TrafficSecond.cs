namespace DrillRunner.Traffic;

/// <summary>
/// The requests whose intended send time fell in second <see cref="Second"/> of the run (0-based). Reported once
/// all of them have completed, failed or timed out, so a second arrives at most one timeout after it ends.
/// </summary>
public sealed record TrafficSecond(int Second, TrafficCounts Counts);
