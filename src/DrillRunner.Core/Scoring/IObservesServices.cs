namespace DrillRunner.Scoring;

/// <summary>
/// An objective that needs services' instance counts during the run (e.g. <c>scale-out</c>): the engine samples them
/// through the driver into the timeline, so scoring stays a function of the timeline.
/// </summary>
public interface IObservesServices
{
    IReadOnlyCollection<string> ObservedServices { get; }
}
