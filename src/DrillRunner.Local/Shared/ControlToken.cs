using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DrillRunner.Local.Shared;

/// <summary>
/// The secret every control call carries (<c>Authorization: Bearer TOKEN</c>). The supervisor draws it at start-up and
/// writes it only to its owner-only state file, never to a command line or an instance's environment: whoever can read
/// that file (the runner's user) may drive the supervisor, nobody else on 127.0.0.1.
/// </summary>
internal static class ControlToken
{
    public const string Scheme = "Bearer";

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Header(string token) => $"{Scheme} {token}";

    /// <summary>Constant-time check of an <c>Authorization</c> header value against the expected token.</summary>
    public static bool Matches(string? authorization, string expected)
    {
        if (authorization is null || !authorization.StartsWith(Scheme + " ", StringComparison.Ordinal) || expected.Length == 0)
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(authorization[(Scheme.Length + 1)..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(expected));
    }
}
