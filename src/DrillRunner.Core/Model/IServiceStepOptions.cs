namespace DrillRunner.Model;

/// <summary>Options of a step aimed at one service of the environment; the loader checks the service exists.</summary>
public interface IServiceStepOptions
{
    string Service { get; }
}
