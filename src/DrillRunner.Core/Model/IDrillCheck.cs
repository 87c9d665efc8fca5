using DrillRunner.Loading;

namespace DrillRunner.Model;

/// <summary>
/// Options that can only be checked against the whole drill and its environment (a service that must exist, an alert
/// source the drill must declare). The loader calls it for every step and objective; problems name file, line and field.
/// </summary>
public interface IDrillCheck
{
    void Check(DrillSpec drill, EnvironmentSpec environment, ProblemList problems);
}
