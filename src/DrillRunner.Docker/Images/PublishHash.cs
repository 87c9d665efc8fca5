using System.Security.Cryptography;
using System.Text;

namespace DrillRunner.Docker.Images;

/// <summary>Content hash of a publish folder: the image tag, so an unchanged app is never imported twice.</summary>
internal static class PublishHash
{
    private const int TagLength = 16;

    public static async Task<string> ComputeAsync(string folder, string salt, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(salt + "\0"));
        var buffer = new byte[1 << 16];
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            var stream = File.OpenRead(full);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..TagLength];
    }
}
