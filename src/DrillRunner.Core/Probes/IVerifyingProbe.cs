using DrillRunner.Engine;

namespace DrillRunner.Probes;

/// <summary>
/// A probe that writes and must read back what it wrote (the <c>canary</c>). The engine calls
/// <see cref="VerifyAsync"/> once the recovery phase is over and once more after the probes stopped, before scoring;
/// what it finds goes into the timeline, so the score stays a function of timeline and journal.
/// </summary>
public interface IVerifyingProbe : IProbe
{
    /// <summary>Reads back every write acknowledged so far; returns a one-line summary for the journal.</summary>
    Task<string> VerifyAsync(StepContext context, string round, CancellationToken cancellationToken);
}
