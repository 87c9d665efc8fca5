using DrillRunner.Model;

namespace DrillRunner.Aborts.ProbeFailing;

/// <summary>Abort <c>probe-failing</c>: a probe (or any probe) failing continuously for longer than <see cref="For"/>.</summary>
public sealed class ProbeFailingOptions : AbortOptions
{
    public string? Probe { get; init; }

    [DurationRange("1s", "24h")]
    public TimeSpan For { get; init; } = TimeSpan.FromSeconds(30);
}
