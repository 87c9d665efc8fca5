namespace DrillRunner.Chaos.Settings;

/// <summary>Body of <c>PUT /_chaos/settings</c>.</summary>
internal sealed class SettingsRequest
{
    public Dictionary<string, string?>? Settings { get; set; }

    public int? LeaseSeconds { get; set; }
}
