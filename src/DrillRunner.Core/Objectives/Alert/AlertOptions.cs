using System.ComponentModel.DataAnnotations;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Objectives.Alert;

/// <summary>Objective <c>alert</c>: the alert named <see cref="Name"/> reached DrillRunner within <see cref="Within"/> of the first failure.</summary>
public sealed class AlertOptions : ObjectiveOptions, IDrillCheck
{
    /// <summary>The alert's <c>alertname</c> label, e.g. <c>ShopSlow</c>.</summary>
    [Required]
    public string Name { get; init; } = "";

    public TimeSpan Within { get; init; } = TimeSpan.FromMinutes(1);

    public void Check(DrillSpec drill, EnvironmentSpec environment, string path, ProblemList problems)
    {
        if (drill.Alerts is null)
        {
            problems.Add(Location, $"{path}.alert", $"objective 'alert' ({Name}) needs an alert source: add 'alerts:' (kind prometheus or alertmanager, url) to the drill");
        }

        if (Within <= TimeSpan.Zero)
        {
            problems.Add(Location, $"{path}.within", "must be longer than 0s");
        }
    }
}
