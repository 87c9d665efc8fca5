using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;

namespace DrillRunner.Steps.DestroyData;

/// <summary>
/// Options of <c>destroy-data</c>: the disaster of a lost database. Every instance of <see cref="Service"/> is killed
/// and its data folder (<c>{data}</c>) set aside; the runbook must restore it. Undone at the restore phase: what the
/// runbook restored stays (the set-aside copies go, unless <see cref="KeepForForensics"/>), anything else gets the
/// original data back and started.
/// </summary>
public sealed class DestroyDataOptions : StepOptions, IServiceStepOptions, IStepCheck
{
    [Required]
    public string Service { get; init; } = "";

    /// <summary>Every instance goes: the step must say that a total outage is meant.</summary>
    public bool AllowTotalOutage { get; init; }

    /// <summary>Keep the set-aside copies after a successful restore (renamed, removed by <c>env down</c>).</summary>
    public bool KeepForForensics { get; init; }

    public IEnumerable<StepProblem> Check(EnvironmentSpec environment, StepLimits limits)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Protected)
        {
            yield return new StepProblem("kind", $"environment '{environment.Name}' is protected: its data is never destroyed");
        }

        var service = environment.Services[Service];
        if (!InstanceSettings.UsesData(service))
        {
            yield return new StepProblem("service",
                $"service '{Service}' declares no data folder ({InstanceSettings.DataPlaceholder} in its settings or args): there is no data to destroy");
        }

        if (!AllowTotalOutage)
        {
            yield return new StepProblem("allowTotalOutage",
                $"destroy-data takes every instance of '{Service}' ({service.Instances}) down; set allowTotalOutage: true to say the outage is meant");
        }

        if (Duration is not null)
        {
            yield return new StepProblem("duration", "destroy-data lasts until the restore phase, where the runbook's outcome decides its undo; remove the duration");
        }
    }
}
