using DrillRunner.Engine.Halt;
using DrillRunner.Engine.Watch;
using DrillRunner.Model;

namespace DrillRunner.Engine;

/// <summary>
/// What bounds every run of an engine: the halt-all switch (checked before a run starts and every
/// <see cref="HaltPoll"/> while it runs), the dead-man's switch started for each run, and the maximum run length of
/// drills that do not set <c>maxDuration</c>.
/// </summary>
public sealed class EngineSafety
{
    /// <summary>How often a run looks at the halt switch: a halt stops injection well within a second.</summary>
    public static readonly TimeSpan HaltPoll = TimeSpan.FromMilliseconds(250);

    public IHaltSwitch? Halt { get; init; }

    public IRunWatchdog? Watchdog { get; init; }

    public TimeSpan DefaultMaxDuration { get; init; } = DrillLimits.DefaultMaxDuration;
}
