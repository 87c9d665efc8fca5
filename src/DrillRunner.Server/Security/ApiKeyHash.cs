using System.Security.Cryptography;
using System.Text;

namespace DrillRunner.Security;

/// <summary>Keys are configured as SHA-256 hex so a leaked configuration file does not leak the keys.</summary>
public static class ApiKeyHash
{
    public static string Compute(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsValidHash(string? hash) =>
        hash is { Length: 64 } && hash.All(Uri.IsHexDigit);

    /// <summary>Constant-time comparison, so response timing does not reveal how much of a hash matched.</summary>
    public static bool Matches(string key, string hash) =>
        IsValidHash(hash) && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), Convert.FromHexString(hash));
}
