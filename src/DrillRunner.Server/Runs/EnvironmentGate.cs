namespace DrillRunner.Runs;

/// <summary>
/// One run at a time on an environment inside this server, plus a count of accepted runs not yet finished so a
/// <c>refuse</c> trigger can be turned away. Across processes the engine's file lock still holds.
/// </summary>
internal sealed class EnvironmentGate
{
    private readonly Lock _lock = new();
    private int _accepted;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>Counts one more accepted run; with <paramref name="onlyIfIdle"/> only when none is accepted.</summary>
    public bool TryAccept(bool onlyIfIdle)
    {
        lock (_lock)
        {
            if (onlyIfIdle && _accepted > 0)
            {
                return false;
            }

            _accepted++;
            return true;
        }
    }

    public void Finished()
    {
        lock (_lock)
        {
            _accepted--;
        }
    }
}
