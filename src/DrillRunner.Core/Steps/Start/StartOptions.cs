using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DrillRunner.Model;

namespace DrillRunner.Steps.Start;

/// <summary>
/// Options of the <c>start</c> action: starts instance <see cref="Instance"/> of a service (every stopped one when
/// left out) and waits until it is running and healthy, and, with <see cref="WaitForRole"/>, until it holds that role
/// (a restored database node the new primary, a rebuilt one a replica).
/// </summary>
public sealed class StartOptions : StepOptions, IServiceStepOptions, IStepCheck
{
    [Required]
    public string Service { get; init; } = "";

    [Range(1, 50)]
    public int? Instance { get; init; }

    public string? WaitForRole { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    public IEnumerable<StepProblem> Check(EnvironmentSpec environment, StepLimits limits)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(limits);
        var service = environment.Services[Service];
        if (Instance > service.Instances)
        {
            yield return new StepProblem("instance", $"service '{Service}' has {service.Instances.ToString(CultureInfo.InvariantCulture)} instance(s)");
        }

        if (WaitForRole is { } role && !service.Roles.ContainsKey(role))
        {
            yield return new StepProblem("waitForRole", $"service '{Service}' has no role '{role}'{Loading.NameSuggester.Hint(role, service.Roles.Keys)}");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > limits.MaxLength)
        {
            yield return new StepProblem("timeout", $"must be longer than 0s and at most the {Units.DurationParser.Format(limits.MaxLength)} a drill may last");
        }
    }
}
