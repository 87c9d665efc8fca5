namespace DrillRunner.Loading;

/// <summary>
/// Everything wrong with the user's input (drill file, environment file, guardrails), reported together.
/// Caught at the edge and printed without a stack trace; the CLI exits with code 2.
/// </summary>
public sealed class DrillInputException : Exception
{
    public DrillInputException(IReadOnlyList<FileProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public DrillInputException(FileProblem problem)
        : this([problem])
    {
    }

    public DrillInputException()
        : this([])
    {
    }

    public DrillInputException(string message)
        : this([new FileProblem(SourceLocation.None, "", message)])
    {
    }

    public DrillInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new FileProblem(SourceLocation.None, "", message)];
    }

    public IReadOnlyList<FileProblem> Problems { get; } = [];

    private static string Describe(IReadOnlyList<FileProblem> problems) =>
        problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems:\n" + string.Join('\n', problems);
}
