using DrillRunner.Model;

namespace DrillRunner.Steps.Configure;

/// <summary>Options of <c>misconfigure</c> (a fault) and <c>set-config</c> (a runbook action): settings to apply.</summary>
public sealed class ConfigureOptions : TargetedStepOptions
{
    /// <summary>Setting name to new value; an empty value removes the setting.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
