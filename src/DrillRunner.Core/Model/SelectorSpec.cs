namespace DrillRunner.Model;

/// <summary>Selects existing containers by label (<c>key=value</c>) or by a name pattern (regular expression).</summary>
public sealed class SelectorSpec
{
    public string? Label { get; init; }

    public string? NamePattern { get; init; }
}
