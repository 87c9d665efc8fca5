namespace DrillRunner.Loading;

/// <summary>One problem in an input file: where, which field, what is wrong.</summary>
public sealed record FileProblem(SourceLocation Location, string Field, string Message)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Field) ? $"{Location}: {Message}" : $"{Location}: {Field}: {Message}";
}
