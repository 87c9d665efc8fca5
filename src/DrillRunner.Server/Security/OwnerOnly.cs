namespace DrillRunner.Security;

/// <summary>Folders and files holding secrets (sign-in cookie keys, API key hashes) are readable by their owner only.</summary>
public static class OwnerOnly
{
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode Folder = File | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700, or makes an existing one (and the files in it) owner-only.</summary>
    public static DirectoryInfo EnsureFolder(string path, bool filesToo = false)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        if (!Directory.Exists(path))
        {
            return Directory.CreateDirectory(path, Folder);
        }

        System.IO.File.SetUnixFileMode(path, Folder);
        if (filesToo)
        {
            foreach (var file in Directory.EnumerateFiles(path))
            {
                System.IO.File.SetUnixFileMode(file, File);
            }
        }

        return new DirectoryInfo(path);
    }

    /// <summary>Writes <paramref name="text"/> to a temporary file created 0600, then renames it over <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string text)
    {
        var temporary = $"{path}.{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.tmp";
        System.IO.File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        System.IO.File.Move(temporary, path, overwrite: true);
    }
}
