namespace DrillRunner.Chaos.Endpoints;

/// <summary>Body of <c>GET /_chaos</c>: what is switched on now and how often each fault fired.</summary>
internal sealed record ChaosStatus(
    DateTimeOffset Now,
    IReadOnlyList<FaultView> Faults,
    IReadOnlyDictionary<string, long> Injections,
    IReadOnlyDictionary<string, string?> Settings,
    DateTimeOffset? SettingsExpireAt,
    IReadOnlyList<string> LiveSettings);
