using DrillRunner.Units;

namespace DrillRunner.Scoring;

/// <summary>Reasons a run's measurements cannot be trusted: probe gaps, traffic short of its plan, a run cut short from outside.</summary>
public static class ValidityChecks
{
    public static IReadOnlyList<string> Problems(ScoringInput input, IReadOnlyDictionary<string, TimeSpan> probeIntervals)
    {
        var problems = new List<string>();
        if (input.StoppedBy is { } stopped)
        {
            problems.Add($"the run was stopped before its plan ended, so it rehearsed only part of the incident: {stopped}");
        }

        foreach (var probe in input.Timeline.Samples.GroupBy(s => s.Probe, StringComparer.Ordinal))
        {
            var interval = probeIntervals.GetValueOrDefault(probe.Key, TimeSpan.FromSeconds(1));
            // A sample may take up to its timeout; anything beyond twice the interval on top is a real gap.
            var allowed = (interval * 2) + TimeSpan.FromSeconds(2);
            var ordered = probe.OrderBy(s => s.At).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var gap = ordered[i].At - ordered[i - 1].At;
                if (gap > allowed)
                {
                    problems.Add($"probe '{probe.Key}' has a {DurationParser.Format(gap)} gap at {ordered[i - 1].At:HH:mm:ss}");
                    break;
                }
            }
        }

        foreach (var source in input.Timeline.TrafficSummaries)
        {
            if (source.Planned > 0 && (double)source.Sent / source.Planned < Scorer.MinimumTrafficShare)
            {
                problems.Add($"traffic '{source.Source}' sent {source.Sent} of {source.Planned} planned requests ({new Percentage((double)source.Sent / source.Planned)}), under {new Percentage(Scorer.MinimumTrafficShare)}");
            }
        }

        return problems;
    }
}
