namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Removes whatever DrillRunner left on an environment's instances and can recognise by its tag (network rules,
/// qdiscs, delay proxies, filler files), whichever run left it. Called by the restore phase and crash recovery after
/// every journaled undo, and by sweepers, always under the environment's lock: a live run is never swept.
/// </summary>
[Capability("sweeping DrillRunner's leftovers (tagged network rules, delay proxies, filler files)")]
public interface ILeftoverSweep : IDriverCapability
{
    /// <summary>Removes every tagged leftover of this environment; returns one line per thing removed (empty: none).</summary>
    Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken);
}
