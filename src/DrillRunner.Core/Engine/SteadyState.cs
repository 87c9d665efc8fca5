using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>Waits for every probe to pass continuously, for preflight and for recovery.</summary>
internal static class SteadyState
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>True when every probe's samples since <paramref name="since"/> end in at least <paramref name="needed"/> passes.</summary>
    public static bool Holds(TimelineSnapshot timeline, IReadOnlyCollection<string> probes, DateTimeOffset since, int needed) =>
        probes.All(p =>
        {
            var samples = timeline.Samples.Where(s => s.Probe == p && s.At >= since).ToList();
            return samples.Count >= needed && samples.TakeLast(needed).All(s => s.Ok);
        });

    /// <summary>Preflight: every probe passing for a whole window. Returns null, or why it did not hold.</summary>
    public static async Task<string?> WaitForWindowAsync(RunState state, TimeSpan window, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var probes = state.Drill.Probes.Select(p => p.Name).ToList();
        var started = state.Time.GetUtcNow();
        while (state.Time.GetUtcNow() - started < timeout)
        {
            var now = state.Time.GetUtcNow();
            var snapshot = state.Timeline.Snapshot();
            if (now - started >= window && probes.All(p => PassingSince(snapshot, p, now - window)))
            {
                return null;
            }

            await Task.Delay(Poll, state.Time, cancellationToken);
        }

        var failing = state.Timeline.Snapshot().Samples.Where(s => !s.Ok).TakeLast(1).Select(s => $"{s.Probe}: {s.Error}").FirstOrDefault();
        return $"steady state not reached within {timeout.TotalSeconds:0}s{(failing is null ? "" : $" (last failure {failing})")}";
    }

    private static bool PassingSince(TimelineSnapshot snapshot, string probe, DateTimeOffset from)
    {
        var samples = snapshot.Samples.Where(s => s.Probe == probe).ToList();
        return samples.Any(s => s.At <= from + TimeSpan.FromSeconds(1)) && samples.Where(s => s.At >= from).All(s => s.Ok)
            && samples.Any(s => s.At >= from);
    }

    /// <summary>Recovery: N consecutive passing samples of every probe after the restore, or the deadline.</summary>
    public static async Task<bool> WaitForRecoveryAsync(RunState state, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var probes = state.Drill.Probes.Select(p => p.Name).ToList();
        var deadline = state.Time.GetUtcNow() + state.Drill.Spec.Recovery.Deadline;
        while (state.Time.GetUtcNow() < deadline)
        {
            if (Holds(state.Timeline.Since(since), probes, since, state.Drill.Spec.Recovery.ConsecutiveSamples))
            {
                return true;
            }

            await Task.Delay(Poll, state.Time, cancellationToken);
        }

        return false;
    }
}
