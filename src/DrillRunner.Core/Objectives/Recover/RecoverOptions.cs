using DrillRunner.Model;

namespace DrillRunner.Objectives.Recover;

/// <summary>Objective <c>recover</c>: time to recover (RTO), from first failing sample to steady state back.</summary>
public sealed class RecoverOptions : ObjectiveOptions
{
    public TimeSpan Target { get; init; } = TimeSpan.FromMinutes(1);
}
