using DrillRunner.Model;

namespace DrillRunner.Objectives.Detect;

/// <summary>Objective <c>detect</c>: time from the first failure users saw to the first alert (needs <c>alerts:</c>).</summary>
public sealed class DetectOptions : ObjectiveOptions
{
    public TimeSpan Target { get; init; } = TimeSpan.FromMinutes(2);
}
