using DrillRunner.Loading;

namespace DrillRunner.Model;

/// <summary>
/// Selects existing containers by label (<c>key=value</c>) and/or by a name pattern (a regular expression anchored
/// at both ends, <c>^...$</c>). Both must be specific: see <see cref="SelectorRules"/>.
/// </summary>
public sealed class SelectorSpec
{
    public string? Label { get; init; }

    public string? NamePattern { get; init; }

    /// <summary>Where the selector is declared; not a YAML field.</summary>
    public SourceLocation Location { get; set; } = SourceLocation.None;
}
