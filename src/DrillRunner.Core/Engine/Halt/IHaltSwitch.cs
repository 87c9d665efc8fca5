namespace DrillRunner.Engine.Halt;

/// <summary>
/// Where the halt-all state lives: a file in the state folder (every runner process of the machine reads it) or a
/// row in the shared database (every runner of a PostgreSQL setup). It survives restarts of whoever reads it.
/// </summary>
public interface IHaltSwitch
{
    /// <summary>The halt in force, or null. A switch that cannot be read counts as halted (fail safe).</summary>
    Task<HaltState?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Turns the switch on; if it is on already, the first halt stays (its time, author and reason).</summary>
    Task<HaltState> HaltAsync(string by, string? reason, CancellationToken cancellationToken);

    /// <summary>Turns the switch off; false when it was not on.</summary>
    Task<bool> ReleaseAsync(CancellationToken cancellationToken);
}
