using DrillRunner.Timeline;

namespace DrillRunner.Traffic.Recording;

/// <summary>Which synthetic users sent anything and which saw at least one failure.</summary>
internal sealed class UserTracker
{
    private readonly bool[] _active;
    private readonly bool[] _affected;

    public UserTracker(int users)
    {
        _active = new bool[users + 1];
        _affected = new bool[users + 1];
    }

    // Plain writes of `true` race benignly: every writer writes the same value, and the counts are read after
    // all workers have finished (the awaits that join them publish the writes).
    public void Record(int user, bool failed)
    {
        _active[user] = true;
        if (failed)
        {
            _affected[user] = true;
        }
    }

    public int Active => _active.Count(a => a);

    public int Affected => _affected.Count(a => a);

    public UserSet ActiveSet() => UserSet.FromFlags(_active);

    public UserSet AffectedSet() => UserSet.FromFlags(_affected);
}
