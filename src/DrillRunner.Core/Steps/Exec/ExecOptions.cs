using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Steps.Exec;

/// <summary>
/// Options of the <c>exec</c> action: runs <see cref="Command"/> (program and arguments, no shell) in one instance of a
/// service (number <see cref="Instance"/>, the holder of <see cref="Role"/>, or the first), with its settings, user and
/// working directory. A nonzero exit or a timeout fails the step with the command's output, after
/// <see cref="Retries"/> more attempts <see cref="RetryDelay"/> apart. Placeholders of the instance (<c>{port}</c>,
/// <c>{ports.NAME}</c>, <c>{data}</c>, <c>{shared}</c>, <c>{environment}</c>, ...) are filled in.
/// </summary>
public sealed class ExecOptions : StepOptions, IServiceStepOptions, IStepCheck
{
    [Required]
    public string Service { get; init; } = "";

    [Range(1, 50)]
    public int? Instance { get; init; }

    public string? Role { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public TimeSpan Timeout { get; init; } = ExecConstants.DefaultTimeout;

    [Range(0, 1000)]
    public int Retries { get; init; }

    public TimeSpan RetryDelay { get; init; } = ExecConstants.DefaultRetryDelay;

    /// <summary>Run as this user instead of the service's own.</summary>
    public string? User { get; init; }

    /// <summary>The longest the step can take: every attempt to its timeout, with the delays between.</summary>
    public TimeSpan Longest => (Timeout * (Retries + 1)) + (RetryDelay * Retries);

    public IEnumerable<StepProblem> Check(EnvironmentSpec environment, StepLimits limits)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(limits);
        var service = environment.Services[Service];
        if (Command.Count == 0 || string.IsNullOrWhiteSpace(Command[0]))
        {
            yield return new StepProblem("command", "is empty: give the program and its arguments, e.g. [pgbackrest, restore]");
        }

        if (Instance is not null && Role is not null)
        {
            yield return new StepProblem("role", "give instance or role, not both");
        }

        if (Instance > service.Instances)
        {
            yield return new StepProblem("instance", $"service '{Service}' has {service.Instances.ToString(CultureInfo.InvariantCulture)} instance(s)");
        }

        if (Role is { } role && !service.Roles.ContainsKey(role))
        {
            yield return new StepProblem("role", $"service '{Service}' has no role '{role}'{Loading.NameSuggester.Hint(role, service.Roles.Keys)}");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new StepProblem("timeout", "must be longer than 0s");
        }
        else if (At + Longest > limits.MaxLength)
        {
            yield return new StepProblem("timeout",
                $"{DurationParser.Format(Timeout)}{(Retries > 0 ? $" x {(Retries + 1).ToString(CultureInfo.InvariantCulture)} attempts" : "")} from +{DurationParser.Format(At)} goes beyond the {DurationParser.Format(limits.MaxLength)} a drill may last");
        }

        foreach (var (placeholder, uses) in new[] { (InstanceSettings.DataPlaceholder, InstanceSettings.UsesData(service)), (InstanceSettings.SharedPlaceholder, InstanceSettings.UsesShared(service)) })
        {
            if (!uses && Command.Any(a => a.Contains(placeholder, StringComparison.Ordinal)))
            {
                yield return new StepProblem("command", $"names {placeholder}, but service '{Service}' declares none (its settings or args do not use {placeholder})");
            }
        }
    }
}
