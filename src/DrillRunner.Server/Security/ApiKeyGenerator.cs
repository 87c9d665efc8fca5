using System.Buffers.Text;
using System.Security.Cryptography;

namespace DrillRunner.Security;

/// <summary>
/// New API keys: 256 random bits, so nobody picks a guessable secret and a fast hash (SHA-256) is enough to store them.
/// The prefix makes a leaked key easy to recognise in logs and secret scanners.
/// </summary>
public static class ApiKeyGenerator
{
    public const string Prefix = "drk_";

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
