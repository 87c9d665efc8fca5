using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Engine;

/// <summary>
/// The last step of every restore (restore phase, crash recovery): when the driver can, it removes whatever DrillRunner
/// left on the environment and recognises by its tag (network rules, delay proxies, filler files), so a change whose
/// undo record was lost or incomplete does not outlive the run. Callers hold the environment's lock.
/// </summary>
public static class LeftoverSweep
{
    /// <summary>What the sweep did: nothing (no capability, nothing left), what it removed, or why it failed.</summary>
    public static async Task<SweepOutcome> RunAsync(IEnvironmentDriver driver, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (driver.Find<ILeftoverSweep>() is not { } sweep)
        {
            return new SweepOutcome(true, []);
        }

        using var timeout = new CancellationTokenSource(UndoExecutor.UndoTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return new SweepOutcome(true, await sweep.SweepAsync(linked.Token));
        }
        catch (Exception ex) when (ex is DriverException or OperationCanceledException or IOException)
        {
            return new SweepOutcome(false, [], ex is OperationCanceledException ? $"timed out after {UndoExecutor.UndoTimeout.TotalSeconds:0}s" : ex.Message);
        }
    }
}

/// <summary>Whether the sweep ran to the end, what it removed, and its error.</summary>
public sealed record SweepOutcome(bool Succeeded, IReadOnlyList<string> Removed, string? Error = null)
{
    public string Describe() => Succeeded
        ? $"swept leftovers DrillRunner had tagged: {string.Join("; ", Removed)}"
        : $"SWEEP FAILED: could not check the environment for DrillRunner's leftovers: {Error}";
}
