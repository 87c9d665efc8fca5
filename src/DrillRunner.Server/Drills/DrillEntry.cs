using DrillRunner.Loading;
using DrillRunner.Scheduling;

namespace DrillRunner.Drills;

/// <summary>A drill file as the server sees it: loaded (with its schedule) or the reason it does not load.</summary>
internal sealed record DrillEntry(string Name, string File, LoadedDrill? Drill, string? Error, SchedulePolicy? Schedule, string? ScheduleError);
