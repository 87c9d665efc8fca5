namespace DrillRunner.Local;

/// <summary>
/// Replaces a file's content through a temporary file and a rename in the same folder, so a server reloading at that
/// moment reads the old file or the new one, never half of one; the mode of the file it replaces is kept.
/// </summary>
internal static class ConfigFileWriter
{
    private const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var mode = File.Exists(path) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(path) : DefaultMode;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.drillrunner-{Guid.NewGuid():N}");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
            await using (stream)
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
