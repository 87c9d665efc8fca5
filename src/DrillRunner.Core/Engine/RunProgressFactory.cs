namespace DrillRunner.Engine;

internal static class RunProgressFactory
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromSeconds(10);

    public static RunProgress Create(RunState state)
    {
        var now = state.Time.GetUtcNow();
        var recent = state.Timeline.Since(now - RecentWindow).Samples;
        double? rate = recent.Count == 0 ? null : (double)recent.Count(s => s.Ok) / recent.Count;
        var active = state.PendingChanges().Where(c => c.IsFault).Select(c => $"{c.Label} ({c.Record.Target})").ToList();
        return new RunProgress(state.RunId, state.Phase, now - state.StartedAt, rate, active, state.LastEvent);
    }
}
