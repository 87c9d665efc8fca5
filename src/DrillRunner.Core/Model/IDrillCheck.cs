using DrillRunner.Loading;

namespace DrillRunner.Model;

/// <summary>
/// Options that can only be checked against the whole drill and its environment (a service that must exist, an alert
/// source the drill must declare). The loader calls it for every step and objective with the item's place for field
/// names (e.g. <c>objectives[2]</c>); problems name file, line and field.
/// </summary>
public interface IDrillCheck
{
    void Check(DrillSpec drill, EnvironmentSpec environment, string path, ProblemList problems);
}
