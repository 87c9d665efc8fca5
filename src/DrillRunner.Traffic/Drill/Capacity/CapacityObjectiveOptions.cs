using System.ComponentModel.DataAnnotations;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Traffic.Drill.Capacity;

/// <summary>
/// Objective <c>capacity</c>: the knee a <c>capacity</c> step found is at least <see cref="MinHeadroom"/> times its
/// <c>expectedPeak</c>. <see cref="Step"/> names the step when the drill has several.
/// </summary>
public sealed class CapacityObjectiveOptions : ObjectiveOptions, IDrillCheck
{
    public string? Step { get; init; }

    [Range(0.01, 100.0)]
    public double MinHeadroom { get; init; } = 1.0;

    public void Check(DrillSpec drill, EnvironmentSpec environment, string path, ProblemList problems)
    {
        var steps = drill.Steps.OfType<CapacityOptions>().ToList();
        var step = Step is null ? steps.FirstOrDefault() : steps.FirstOrDefault(s => s.Name == Step);
        if (step is null)
        {
            problems.Add(Location, $"{path}.step", Step is null
                ? "objective 'capacity' needs a step of kind 'capacity' in the drill"
                : $"no capacity step named '{Step}'{NameSuggester.Hint(Step, steps.Select(s => s.Name).OfType<string>())}");
        }
        else if (step.ExpectedPeak is null)
        {
            problems.Add(step.Location, $"steps[{drill.Steps.ToList().IndexOf(step)}].expectedPeak", "objective 'capacity' compares the knee with the expected peak: give expectedPeak (e.g. 250/s)");
        }
    }
}
