namespace DrillRunner.Engine.Halt;

/// <summary>
/// The halt switch of a runner sharing a database: the shared switch rules every runner; the state folder's file
/// mirrors it for the processes of this machine (CLI runs, watchdogs), and may also hold a halt of this machine only
/// (written by <c>drill halt</c> when the database could not be reached). Halting writes the shared switch and its
/// mirror; releasing clears both.
/// </summary>
public sealed class MirroredHaltSwitch(IHaltSwitch shared, FileHaltSwitch file) : IHaltSwitch
{
    public async Task<HaltState?> ReadAsync(CancellationToken cancellationToken) =>
        await shared.ReadAsync(cancellationToken) ?? await file.ReadAsync(cancellationToken);

    public async Task<HaltState> HaltAsync(string by, string? reason, CancellationToken cancellationToken)
    {
        var state = await shared.HaltAsync(by, reason, cancellationToken);
        file.Mirror(state);
        return state;
    }

    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        var released = await shared.ReleaseAsync(cancellationToken);
        return await file.ReleaseAsync(cancellationToken) | released;
    }
}
