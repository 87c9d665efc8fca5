using System.ComponentModel.DataAnnotations;
using DrillRunner.Units;

namespace DrillRunner.Model;

/// <summary>
/// Bounds a duration field of a drill file, written the way drill files write durations (<c>"1s"</c>, <c>"24h"</c>),
/// so a mistyped unit (<c>30d</c> for <c>30s</c>) is refused at load with the field's file and line, not discovered
/// hours into a run. Null values pass (optional fields).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationRangeAttribute : ValidationAttribute
{
    public DurationRangeAttribute(string minimum, string maximum)
    {
        Minimum = Parse(minimum);
        Maximum = Parse(maximum);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not TimeSpan duration || (duration >= Minimum && duration <= Maximum))
        {
            return ValidationResult.Success;
        }

        var members = validationContext.MemberName is { } member ? new[] { member } : null;
        return new ValidationResult(
            $"{DurationParser.Format(duration)} is out of bounds: must be between {DurationParser.Format(Minimum)} and {DurationParser.Format(Maximum)}", members);
    }

    private static TimeSpan Parse(string text) =>
        DurationParser.TryParse(text, out var value, out var error) ? value : throw new ArgumentException(error, nameof(text));
}
