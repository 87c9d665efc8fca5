using System.Globalization;

namespace DrillRunner.Engine.Halt;

/// <summary>
/// The halt-all switch is on: every run stops (injection ends, the restore starts) and no run starts until it is
/// released. <see cref="Source"/> says which switch holds it (<c>local</c> state folder, <c>shared</c> database).
/// </summary>
public sealed record HaltState(DateTimeOffset Since, string By, string? Reason, string Source = HaltState.Local)
{
    public const string Local = "local";
    public const string Shared = "shared";

    /// <summary>Who and why, for a run's abort event: "by api:alice (since 2026-12-01 10:20:30 UTC): reason".</summary>
    public string Summary() =>
        $"by {By} (since {Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC){(string.IsNullOrWhiteSpace(Reason) ? "" : ": " + Reason)}";

    /// <summary>One line for refusals and the dashboard banner, with how to release.</summary>
    public string Describe() =>
        $"drills are halted {Summary()}; release with `drill halt --release` or DELETE /api/halt";
}
