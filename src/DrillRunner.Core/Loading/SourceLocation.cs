namespace DrillRunner.Loading;

/// <summary>Where a value came from in a drill or environment file (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);

    public override string ToString() => Line == 0 ? Display : $"{Display}:{Line}:{Column}";

    // Relative to the working directory when inside it: shorter and still clickable in terminals and editors.
    private string Display
    {
        get
        {
            if (File.Length == 0 || !Path.IsPathRooted(File))
            {
                return File;
            }

            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), File);
            return relative.StartsWith("..", StringComparison.Ordinal) ? File : relative;
        }
    }
}
