using DrillRunner.Model;

namespace DrillRunner.Scoring;

/// <summary>
/// Reads impact and recovery from probe samples (of every probe, or of the probes selected):
/// E1 (first failing sample at or after the first fault) and E6 (first sample of the first run of N consecutive
/// passing samples of every probe after the last failure).
/// </summary>
public static class RecoveryAnalysis
{
    public static DateTimeOffset? FirstFailure(ScoringInput input, IReadOnlySet<string>? probes = null)
    {
        var from = input.Window.FirstFaultAt ?? input.Window.MethodStart;
        return input.Timeline.Samples.Where(s => !s.Ok && s.At >= from && probes.Includes(s.Probe)).Select(s => (DateTimeOffset?)s.At).Min();
    }

    /// <summary>When the service was back; null if it never was for N consecutive samples.</summary>
    public static DateTimeOffset? SteadyStateBack(ScoringInput input, DateTimeOffset firstFailure, IReadOnlySet<string>? probes = null)
    {
        var samples = input.Timeline.Samples.Where(s => s.At >= firstFailure && probes.Includes(s.Probe)).OrderBy(s => s.At).ToList();
        var lastFailure = samples.Where(s => !s.Ok).Select(s => s.At).DefaultIfEmpty(firstFailure).Max();
        var seen = samples.Select(s => s.Probe).Distinct(StringComparer.Ordinal).ToList();
        var after = samples.Where(s => s.At > lastFailure).ToList();
        var needed = input.Recovery.ConsecutiveSamples;
        if (after.Count == 0 || seen.Any(p => after.Count(s => s.Probe == p) < needed))
        {
            return null;
        }

        return after[0].At;
    }
}
