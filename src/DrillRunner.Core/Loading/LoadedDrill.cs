using DrillRunner.Aborts;
using DrillRunner.Model;
using DrillRunner.Probes;
using DrillRunner.Scoring;
using DrillRunner.Steps;

namespace DrillRunner.Loading;

/// <summary>A validated drill with its environment and every part created from the catalog.</summary>
public sealed record LoadedDrill(
    DrillSpec Spec,
    EnvironmentSpec Environment,
    string DrillFile,
    IReadOnlyList<PlannedStep> Steps,
    IReadOnlyList<PlannedStep> Rollbacks,
    IReadOnlyList<IProbe> Probes,
    IReadOnlyList<WeightedObjective> Objectives,
    IReadOnlyList<IAbortCondition> Aborts)
{
    /// <summary>End of the method phase: the last step's offset plus its duration.</summary>
    public TimeSpan MethodLength => Steps.Count == 0 ? TimeSpan.Zero : Steps.Max(s => s.Options.At + (s.Options.Duration ?? TimeSpan.Zero));
}

/// <summary>A step's options with the step created from them; <see cref="Label"/> names it in the journal.</summary>
public sealed record PlannedStep(StepOptions Options, IStep Step, string Label);

public sealed record WeightedObjective(IObjective Objective, double Weight);
