using DrillRunner.Chaos.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Chaos.Tests.Settings;

public sealed class SettingsOverridesTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly SettingsOverrides _overrides;
    private readonly IConfigurationRoot _configuration;

    public SettingsOverridesTests()
    {
        var options = new ChaosOptions().AddLiveSetting("Shop:MaxConcurrentRequests", v => int.TryParse(v, out var n) && n > 0);
        _overrides = new SettingsOverrides(_time, Options.Create(options));
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Shop:MaxConcurrentRequests"] = "64" })
            .Add(_overrides)
            .Build();
    }

    [Fact]
    public void An_override_is_visible_at_once_and_reverts_when_its_lease_expires()
    {
        var reloads = 0;
        using var subscription = Microsoft.Extensions.Primitives.ChangeToken.OnChange(_configuration.GetReloadToken, () => reloads++);

        Assert.Null(_overrides.Apply(new Dictionary<string, string?> { ["Shop:MaxConcurrentRequests"] = "2" }, TimeSpan.FromSeconds(60)));
        Assert.Equal("2", _configuration["Shop:MaxConcurrentRequests"]);
        Assert.Equal(1, reloads);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("2", _configuration["Shop:MaxConcurrentRequests"]);

        // The sweeper timer reverts and signals a reload, so IOptionsMonitor readers see the original too.
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("64", _configuration["Shop:MaxConcurrentRequests"]);
        Assert.Equal(2, reloads);
        Assert.Empty(_overrides.Snapshot().Values);
    }

    [Fact]
    public void Renewing_keeps_the_override_past_its_first_lease()
    {
        _overrides.Apply(new Dictionary<string, string?> { ["Shop:MaxConcurrentRequests"] = "2" }, TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(8));

        Assert.True(_overrides.Renew(TimeSpan.FromSeconds(10)));
        _time.Advance(TimeSpan.FromSeconds(8));

        Assert.Equal("2", _configuration["Shop:MaxConcurrentRequests"]);
    }

    [Fact]
    public void Restore_brings_the_original_back()
    {
        _overrides.Apply(new Dictionary<string, string?> { ["Shop:MaxConcurrentRequests"] = "2" }, TimeSpan.FromSeconds(10));

        _overrides.Restore();

        Assert.Equal("64", _configuration["Shop:MaxConcurrentRequests"]);
        Assert.False(_overrides.Renew(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("Shop:Unknown", "1", "setting 'Shop:Unknown' is not live-changeable")]
    [InlineData("Shop:MaxConcurrentRequests", "zero", "value 'zero' is not valid for setting 'Shop:MaxConcurrentRequests'")]
    public void Unknown_settings_and_invalid_values_are_rejected_and_nothing_changes(string key, string value, string expected)
    {
        var error = _overrides.Apply(new Dictionary<string, string?> { [key] = value }, TimeSpan.FromSeconds(10));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("64", _configuration["Shop:MaxConcurrentRequests"]);
    }

    public void Dispose() => _overrides.Dispose();
}
