using DrillRunner.Loading;

namespace DrillRunner.Guardrails;

/// <summary>
/// The outcome of <see cref="GuardrailCheck"/>: every problem (file, line, field) and, for a dry run, what was
/// checked and held. Nothing may run while <see cref="Problems"/> is not empty.
/// </summary>
public sealed record GuardrailReport(IReadOnlyList<FileProblem> Problems, IReadOnlyList<string> Held)
{
    public bool Passed => Problems.Count == 0;

    public void ThrowIfAny()
    {
        if (!Passed)
        {
            throw new DrillInputException(Problems);
        }
    }
}
