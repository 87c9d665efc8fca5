namespace DrillRunner.Loading;

/// <summary>Where a value came from in a drill or environment file (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);

    public override string ToString() => Line == 0 ? File : $"{File}:{Line}:{Column}";
}
