using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Options;

/// <summary>
/// How repeated failed sign-ins (a wrong key on <c>POST /signin</c> or in <c>X-Api-Key</c>) from one address are slowed:
/// after <see cref="FreeAttempts"/> failures, each further attempt from that address waits 1 s, then 2 s, 4 s, ... up to
/// <see cref="MaxDelay"/>; an address is forgiven after <see cref="ForgetAfter"/> without failures.
/// </summary>
public sealed class FailedSignInOptions
{
    [Range(1, 1_000_000)]
    public int FreeAttempts { get; set; } = 5;

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromMinutes(15);
}
