using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Objectives.Availability;

/// <summary>Objective <c>availability</c>: share of good requests in the drill window.</summary>
public sealed class AvailabilityOptions : ObjectiveOptions
{
    public Percentage Target { get; init; } = new(0.99);
}
