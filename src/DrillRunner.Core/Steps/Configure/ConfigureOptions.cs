using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;
using DrillRunner.Steps.ConfigFiles;

namespace DrillRunner.Steps.Configure;

/// <summary>
/// Options of <c>misconfigure</c> (a fault) and <c>set-config</c> (a runbook action): settings to apply, or a config
/// file to edit (<c>file</c>, <c>edit</c>, <c>reload</c>).
/// </summary>
public sealed class ConfigureOptions : TargetedStepOptions, IValidatableObject
{
    /// <summary>Setting name to new value; an empty value removes the setting.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Change the settings live through the service's chaos endpoint (no restart) instead of restarting or
    /// recreating instances. Default: live when the service has a <c>chaosToken</c>.
    /// </summary>
    public bool? Live { get; init; }

    /// <summary>For live changes: they revert by themselves if the runner stops renewing them for this long.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A config file in each instance (absolute, or relative to the instance's files folder): the change is an
    /// <see cref="Edit"/> of it, picked up by a <see cref="Reload"/>.
    /// </summary>
    public string? File { get; init; }

    public FileEditOptions? Edit { get; init; }

    public ReloadOptions? Reload { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (File is null)
        {
            if (Edit is not null || Reload is not null)
            {
                yield return new ValidationResult("edit and reload need file: the config file to change", [nameof(File)]);
            }

            yield break;
        }

        if (File.Trim().Length == 0)
        {
            yield return new ValidationResult("must name a file", [nameof(File)]);
        }

        if (Settings.Count > 0)
        {
            yield return new ValidationResult("change settings or a file, not both in one step", [nameof(Settings)]);
        }

        if (Live == true)
        {
            yield return new ValidationResult("a config-file change is never live: it is reloaded", [nameof(Live)]);
        }

        if (Edit is null)
        {
            yield return new ValidationResult("is required with file: how to change it (directive, line or template)", [nameof(Edit)]);
        }

        if (Edit?.TemplateProblem(Location.File) is { } template)
        {
            yield return new ValidationResult(template, [nameof(Edit)]);
        }

        if (Reload is null)
        {
            yield return new ValidationResult("is required with file: how the server picks the change up (signal, exec or restart)", [nameof(Reload)]);
        }
    }
}
