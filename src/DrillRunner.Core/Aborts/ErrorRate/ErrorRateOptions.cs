using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Aborts.ErrorRate;

/// <summary>Abort <c>error-rate</c>: failed share of requests (or probe samples) above <see cref="Above"/> over the last <see cref="For"/>.</summary>
public sealed class ErrorRateOptions : AbortOptions
{
    public Percentage Above { get; init; } = new(0.5);

    [DurationRange("1s", "24h")]
    public TimeSpan For { get; init; } = TimeSpan.FromSeconds(20);
}
