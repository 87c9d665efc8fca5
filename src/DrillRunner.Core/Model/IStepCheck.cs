namespace DrillRunner.Model;

/// <summary>
/// Options whose values can only be judged against the environment (does the service keep data, which roles it has)
/// or the drill's limits; the loader asks them and reports each problem at the step's line.
/// </summary>
public interface IStepCheck
{
    IEnumerable<StepProblem> Check(EnvironmentSpec environment, StepLimits limits);
}

/// <summary>A problem of one field of a step (the field relative to the step, e.g. <c>timeout</c>).</summary>
public sealed record StepProblem(string Field, string Message);

/// <summary>What bounds a step: the longest a drill may last.</summary>
public sealed record StepLimits(TimeSpan MaxLength);
