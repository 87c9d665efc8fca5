using DrillRunner.Timeline;

namespace DrillRunner.Aborts;

/// <summary>Evaluated twice a second during injection; a non-null reason aborts the run.</summary>
public interface IAbortCondition
{
    /// <summary>
    /// How far back <see cref="Check"/> looks. It is given the timeline since <c>now - Lookback</c> plus a margin of
    /// two probe intervals (so the sample just before the window is there); null: the whole timeline.
    /// </summary>
    TimeSpan? Lookback => null;

    string? Check(TimelineSnapshot timeline, DateTimeOffset now);
}
