using DrillRunner.Timeline;

namespace DrillRunner.Aborts;

/// <summary>Evaluated about once a second during injection; a non-null reason aborts the run.</summary>
public interface IAbortCondition
{
    string? Check(TimelineSnapshot timeline, DateTimeOffset now);
}
