using System.ComponentModel.DataAnnotations;
using DrillRunner.Drivers;

namespace DrillRunner.Steps.ConfigFiles;

/// <summary>
/// How a server picks up its changed config file; exactly one of <c>signal</c> (to its main process, e.g. nginx's
/// <c>SIGHUP</c>, haproxy's <c>SIGUSR2</c> in master-worker mode), <c>exec</c> (a command in the instance, e.g.
/// <c>[nginx, -s, reload]</c>) or <c>restart: true</c>. <c>check</c> is a command run first (e.g.
/// <c>[nginx, -t, -c, "{file}"]</c>): when it fails the server would reject the config, so the original is put back.
/// <c>{file}</c> in commands is the config file's path in the instance.
/// </summary>
public sealed class ReloadOptions : IValidatableObject
{
    public string? Signal { get; init; }

    public IReadOnlyList<string> Exec { get; init; } = [];

    public bool Restart { get; init; }

    public IReadOnlyList<string> Check { get; init; } = [];

    /// <summary>For each command, and for the instance to be running and healthy after the reload.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the server takes to apply a reload before it is checked (nginx and haproxy start new workers after
    /// the signal returns); the change counts as in effect from then.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    public string Describe() =>
        Signal is not null ? Signal.ToUpperInvariant()
        : Exec.Count > 0 ? string.Join(' ', Exec)
        : "restart";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var given = (Signal is null ? 0 : 1) + (Exec.Count == 0 ? 0 : 1) + (Restart ? 1 : 0);
        if (given != 1)
        {
            yield return new ValidationResult("give exactly one of signal, exec or restart: true", [nameof(Signal)]);
        }

        if (Signal is not null && SignalNames.Parse(Signal) is null)
        {
            yield return new ValidationResult($"'{Signal}' is not a signal; use one of {string.Join(", ", SignalNames.Known)}", [nameof(Signal)]);
        }
    }
}
