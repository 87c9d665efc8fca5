using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DrillRunner.Chaos.Settings;

/// <summary>
/// Live overrides of settings the service registered as changeable. It is the last configuration provider, so
/// <c>IConfiguration</c> and <c>IOptionsMonitor</c> readers see an override at once, and see the original again when
/// it is deleted or its lease runs out.
/// </summary>
internal sealed class SettingsOverrides : ConfigurationProvider, IConfigurationSource, IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly ChaosOptions _options;
    private readonly ITimer _sweeper;
    private DateTimeOffset? _expiresAt;

    public SettingsOverrides(TimeProvider timeProvider, IOptions<ChaosOptions> options)
    {
        _timeProvider = timeProvider;
        _options = options.Value;
        _sweeper = timeProvider.CreateTimer(
            static state => ((SettingsOverrides)state!).Snapshot(),
            this,
            ChaosConstants.SweepInterval,
            ChaosConstants.SweepInterval);
    }

    /// <summary>Merges <paramref name="settings"/> into the overrides and restarts the lease of the whole set.</summary>
    public string? Apply(IReadOnlyDictionary<string, string?> settings, TimeSpan lease)
    {
        foreach (var (key, value) in settings)
        {
            if (!_options.LiveSettings.TryGetValue(key, out var isValid))
            {
                return $"setting '{key}' is not live-changeable; allowed: {string.Join(", ", _options.LiveSettings.Keys)}.";
            }

            if (value is null || !isValid(value))
            {
                return $"value '{value}' is not valid for setting '{key}'.";
            }
        }

        lock (_lock)
        {
            foreach (var (key, value) in settings)
            {
                Data[key] = value;
            }

            _expiresAt = _timeProvider.GetUtcNow() + lease;
        }

        OnReload();
        return null;
    }

    public bool Renew(TimeSpan lease)
    {
        if (Snapshot().Values.Count == 0)
        {
            return false;
        }

        lock (_lock)
        {
            _expiresAt = _timeProvider.GetUtcNow() + lease;
            return true;
        }
    }

    public void Restore()
    {
        lock (_lock)
        {
            Data.Clear();
            _expiresAt = null;
        }

        OnReload();
    }

    /// <summary>The live overrides, reverting them first when their lease has run out.</summary>
    public SettingsSnapshot Snapshot()
    {
        bool expired;
        lock (_lock)
        {
            expired = _expiresAt is { } at && at <= _timeProvider.GetUtcNow();
            if (!expired)
            {
                return new SettingsSnapshot(new Dictionary<string, string?>(Data, StringComparer.OrdinalIgnoreCase), _expiresAt);
            }
        }

        Restore();
        return new SettingsSnapshot(new Dictionary<string, string?>(), null);
    }

    public override bool TryGet(string key, out string? value)
    {
        lock (_lock)
        {
            // Lazy half of the lease: never serve an expired override, even before the timer reverts it.
            if (_expiresAt is { } at && at <= _timeProvider.GetUtcNow())
            {
                value = null;
                return false;
            }

            return base.TryGet(key, out value);
        }
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Dispose() => _sweeper.Dispose();
}
