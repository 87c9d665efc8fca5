using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Aborts.ProbeFailing;

internal sealed class ProbeFailingCondition(ProbeFailingOptions options) : IAbortCondition
{
    public TimeSpan? Lookback => options.For;

    public string? Check(TimelineSnapshot timeline, DateTimeOffset now)
    {
        foreach (var probe in timeline.Samples.GroupBy(s => s.Probe, StringComparer.Ordinal))
        {
            if (options.Probe is not null && probe.Key != options.Probe)
            {
                continue;
            }

            var lastOk = probe.Where(s => s.Ok).Select(s => (DateTimeOffset?)s.At).Max();
            var failingSince = probe.Where(s => !s.Ok && (lastOk is null || s.At > lastOk)).Select(s => (DateTimeOffset?)s.At).Min();
            if (failingSince is { } since && now - since >= options.For)
            {
                return $"probe '{probe.Key}' failing for {DurationParser.Format(now - since)} (limit {DurationParser.Format(options.For)})";
            }
        }

        return null;
    }
}
