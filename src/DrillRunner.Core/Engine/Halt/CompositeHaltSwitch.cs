namespace DrillRunner.Engine.Halt;

/// <summary>Several switches read as one: halted when any is on; halting and releasing act on all of them.</summary>
public sealed class CompositeHaltSwitch(params IHaltSwitch[] switches) : IHaltSwitch
{
    public IReadOnlyList<IHaltSwitch> Switches => switches;

    public async Task<HaltState?> ReadAsync(CancellationToken cancellationToken)
    {
        foreach (var item in switches)
        {
            if (await item.ReadAsync(cancellationToken) is { } state)
            {
                return state;
            }
        }

        return null;
    }

    public async Task<HaltState> HaltAsync(string by, string? reason, CancellationToken cancellationToken)
    {
        HaltState? first = null;
        foreach (var item in switches)
        {
            var state = await item.HaltAsync(by, reason, cancellationToken);
            first ??= state;
        }

        return first ?? throw new InvalidOperationException("no halt switch to turn on");
    }

    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var item in switches)
        {
            any |= await item.ReleaseAsync(cancellationToken);
        }

        return any;
    }
}
