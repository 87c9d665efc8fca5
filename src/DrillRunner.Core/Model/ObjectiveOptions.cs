using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>A recovery goal with a target; its weight defaults to the kind's weight in the scoring model.</summary>
public class ObjectiveOptions : ComponentOptions
{
    [Range(0, 1000)]
    public double? Weight { get; init; }
}
