namespace DrillRunner.Chaos.Settings;

internal sealed record SettingsSnapshot(IReadOnlyDictionary<string, string?> Values, DateTimeOffset? ExpiresAt);
