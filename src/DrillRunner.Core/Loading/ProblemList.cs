namespace DrillRunner.Loading;

/// <summary>Collects problems while loading so a user sees every one in a single pass.</summary>
public sealed class ProblemList
{
    // A hostile file could produce millions; nobody reads past the first screenful.
    private const int Limit = 200;
    private readonly List<FileProblem> _problems = [];

    public IReadOnlyList<FileProblem> Items => _problems;

    public bool HasAny => _problems.Count > 0;

    public void Add(SourceLocation location, string field, string message)
    {
        if (_problems.Count < Limit)
        {
            _problems.Add(new FileProblem(location, field, message));
        }
    }

    public void ThrowIfAny()
    {
        if (HasAny)
        {
            throw new DrillInputException(_problems.OrderBy(p => p.Location.File, StringComparer.Ordinal)
                .ThenBy(p => p.Location.Line).ThenBy(p => p.Location.Column).ToList());
        }
    }
}
