using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Aborts.ErrorRate;

internal sealed class ErrorRateCondition(ErrorRateOptions options) : IAbortCondition
{
    public TimeSpan? Lookback => options.For;

    public string? Check(TimelineSnapshot timeline, DateTimeOffset now)
    {
        var from = now - options.For;
        var earliest = timeline.Samples.Select(s => (DateTimeOffset?)s.At).Min();
        if (earliest is null || earliest > from)
        {
            return null; // not enough history to judge the whole window
        }

        var traffic = timeline.Traffic.Where(t => t.Start >= from).ToList();
        var (failed, total) = traffic.Count > 0
            ? (traffic.Sum(t => t.Failed), traffic.Sum(t => t.Ok + t.Failed))
            : (timeline.Samples.Count(s => s.At >= from && !s.Ok), (long)timeline.Samples.Count(s => s.At >= from));
        if (total == 0)
        {
            return null;
        }

        var rate = (double)failed / total;
        return rate > options.Above.Fraction
            ? $"error rate {new Percentage(rate)} over the last {DurationParser.Format(options.For)} (limit {options.Above})"
            : null;
    }
}
