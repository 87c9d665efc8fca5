using System.ComponentModel.DataAnnotations;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Steps.Scale;

namespace DrillRunner.Objectives.ScaleOut;

/// <summary>
/// Objective <c>scale-out</c>: <see cref="Service"/> had at least <see cref="AtLeast"/> healthy instances within
/// <see cref="Within"/> of the first fault (or of the step named by <see cref="From"/>), whoever scaled it.
/// </summary>
public sealed class ScaleOutOptions : ObjectiveOptions, IDrillCheck
{
    [Required]
    public string Service { get; init; } = "";

    [Range(1, ScaleOptions.MaxReplicas)]
    public int AtLeast { get; init; } = 1;

    public TimeSpan Within { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Name of the step to measure from (e.g. the surge); default: the first fault.</summary>
    public string? From { get; init; }

    public void Check(DrillSpec drill, EnvironmentSpec environment, string path, ProblemList problems)
    {
        if (!environment.Services.TryGetValue(Service, out var service))
        {
            problems.Add(Location, $"{path}.service",
                $"environment '{environment.Name}' has no service '{Service}'{NameSuggester.Hint(Service, environment.Services.Keys)}");
        }
        else if (AtLeast > (service.MaxInstances ?? ScaleOptions.MaxReplicas))
        {
            problems.Add(Location, $"{path}.atLeast", service.MaxInstances is { } max
                ? $"{AtLeast} is above the {max} instances service '{Service}' of environment '{environment.Name}' can have (maxInstances): the objective could never be met"
                : $"{AtLeast} is above the most replicas any service can have ({ScaleOptions.MaxReplicas})");
        }

        if (From is { } from && !drill.Steps.Any(s => s.Name == from))
        {
            problems.Add(Location, $"{path}.from", $"no step named '{from}'{NameSuggester.Hint(from, drill.Steps.Select(s => s.Name).OfType<string>())}");
        }

        if (Within <= TimeSpan.Zero)
        {
            problems.Add(Location, $"{path}.within", "must be longer than 0s");
        }
    }
}
