using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DrillRunner.PostgreSql;

/// <summary>
/// The advisory lock key of an environment: the first 8 bytes of SHA-256 over its name. Stable across processes,
/// machines and .NET versions (unlike <see cref="string.GetHashCode()"/>), so every runner locks the same key.
/// </summary>
internal static class EnvironmentLockKey
{
    public static long For(string environment) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(environment)));
}
