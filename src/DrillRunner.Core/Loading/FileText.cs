namespace DrillRunner.Loading;

/// <summary>Reads an input file with a size limit, turning I/O failures into located problems.</summary>
internal static class FileText
{
    public static bool TryRead(string file, ProblemList problems, out string text)
    {
        text = "";
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                problems.Add(new SourceLocation(file, 0, 0), "", "file not found");
                return false;
            }

            if (info.Length > YamlDocumentReader.MaxBytes)
            {
                problems.Add(new SourceLocation(file, 1, 1), "", $"the file is {info.Length / 1024} KiB, over the limit of {YamlDocumentReader.MaxBytes / 1024} KiB; drill and environment files are small by design");
                return false;
            }

            text = File.ReadAllText(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new SourceLocation(file, 0, 0), "", $"cannot read the file: {ex.Message}");
            return false;
        }
    }
}
