namespace DrillRunner.Alerts;

/// <summary>A firing alert as a source reports it: its labels and when it started firing, by the source's own clock.</summary>
public sealed record ObservedAlert(IReadOnlyDictionary<string, string> Labels, DateTimeOffset FiredAt)
{
    public string Name => Labels.GetValueOrDefault("alertname", "?");

    /// <summary>The sorted label set: one alert, whichever way (poll or notification) it arrives.</summary>
    public string Fingerprint => string.Join(",", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
