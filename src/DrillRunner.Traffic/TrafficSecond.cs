namespace DrillRunner.Traffic;

/// <summary>
/// The requests whose intended send time fell in second <see cref="Second"/> of the run (0-based). Reported once
/// all of them have completed, failed or timed out, so a second arrives at most one timeout after it ends.
/// </summary>
/// <param name="Second">0-based second of the run.</param>
/// <param name="Start">Wall-clock start of this second, from the run's <see cref="TimeProvider"/>.</param>
/// <param name="Counts">What happened to the requests intended in this second.</param>
public sealed record TrafficSecond(int Second, DateTimeOffset Start, TrafficCounts Counts);
