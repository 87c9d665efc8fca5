using DrillRunner.Engine;
using DrillRunner.Timeline;

namespace DrillRunner.Probes;

/// <summary>A periodic check; the engine calls it on the probe's interval with its timeout applied.</summary>
public interface IProbe
{
    string Name { get; }

    TimeSpan Interval { get; }

    TimeSpan Timeout { get; }

    /// <summary>URLs the probe will contact, for the allowlist guardrail.</summary>
    IEnumerable<Uri> Targets { get; }

    Task<ProbeSample> SampleAsync(StepContext context, CancellationToken cancellationToken);
}
