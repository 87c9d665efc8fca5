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

    /// <summary>One line for refusals, aborts and the dashboard banner.</summary>
    public string Describe() =>
        $"drills are halted (since {Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, by {By}{(string.IsNullOrWhiteSpace(Reason) ? "" : ": " + Reason)}); "
        + "release with `drill halt --release` or DELETE /api/halt";
}
