namespace DrillRunner.Local;

/// <summary>The end of a log file, for error messages.</summary>
internal static class LogTail
{
    public static string Read(string path, int lines = 15)
    {
        try
        {
            if (!File.Exists(path))
            {
                return $"(no log at {path})";
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            const int MaxBytes = 8192;
            stream.Seek(Math.Max(0, stream.Length - MaxBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var tail = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines);
            var text = string.Join(Environment.NewLine, tail.Select(l => "  | " + l.TrimEnd('\r')));
            return text.Length == 0 ? $"(empty log {path})" : $"{path}:{Environment.NewLine}{text}";
        }
        catch (IOException ex)
        {
            return $"(log {path} unreadable: {ex.Message})";
        }
    }
}
