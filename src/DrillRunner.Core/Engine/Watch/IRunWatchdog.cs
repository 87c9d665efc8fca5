namespace DrillRunner.Engine.Watch;

/// <summary>
/// The dead-man's switch of a run: started once the run holds its environment and before anything is changed, it
/// outlives the runner. If the runner dies, or hangs and stops renewing its heartbeat for the run's lease, the
/// watchdog restores the run through crash recovery (holding the environment lock, like any recovery).
/// </summary>
public interface IRunWatchdog
{
    Task<IRunWatch> WatchAsync(WatchedRun run, CancellationToken cancellationToken);
}

/// <summary>What a watchdog needs to know of the run it guards.</summary>
public sealed record WatchedRun(string RunId, string Environment, TimeSpan Lease);

/// <summary>A watch in force: renews the heartbeat until disposed (the run ended normally), then stands the watchdog down.</summary>
public interface IRunWatch : IAsyncDisposable
{
    /// <summary>For the run's timeline, e.g. "watchdog pid 4242 restores this run if the runner stops for 60s".</summary>
    string Description { get; }
}
