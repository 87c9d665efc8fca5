namespace DrillRunner.Model;

/// <summary>Steady state required before anything is injected: every probe passing for <see cref="Window"/>.</summary>
public sealed class PreflightSpec
{
    [DurationRange("0s", "1h")]
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long to wait for the steady state before the run ends <c>not-started</c>.</summary>
    [DurationRange("1s", "1h")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
