using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using DrillRunner.Model;

namespace DrillRunner.Steps.ProcessPause;

/// <summary>
/// Options of <c>pause-process</c>: SIGSTOP the processes inside the targeted instances whose command line matches
/// <see cref="Process"/> (a regular expression, e.g. <c>walsender</c>), SIGCONT when the fault is undone.
/// </summary>
public sealed class ProcessPauseOptions : TargetedStepOptions, IValidatableObject
{
    [Required]
    public string Process { get; init; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            _ = new Regex(Process, RegexOptions.None, ProcessPauseConstants.MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = $"'{Process}' is not a regular expression: {ex.Message}";
        }

        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(Process)]);
        }
    }
}
