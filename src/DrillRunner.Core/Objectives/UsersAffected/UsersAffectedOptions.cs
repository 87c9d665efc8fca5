using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Objectives.UsersAffected;

/// <summary>Objective <c>users-affected</c>: at most this share of synthetic users saw a failed request.</summary>
public sealed class UsersAffectedOptions : ObjectiveOptions
{
    public Percentage Max { get; init; } = new(0.2);
}
