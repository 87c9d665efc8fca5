using DrillRunner.Model;

namespace DrillRunner.Steps.Configure;

/// <summary>Options of <c>misconfigure</c> (a fault) and <c>set-config</c> (a runbook action): settings to apply.</summary>
public sealed class ConfigureOptions : TargetedStepOptions
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
}
