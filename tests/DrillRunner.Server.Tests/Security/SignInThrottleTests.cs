using System.Net;
using DrillRunner.Options;
using DrillRunner.Security;
using DrillRunner.Testing;
using Microsoft.Extensions.Options;

namespace DrillRunner.Server.Tests.Security;

/// <summary>Repeated failed sign-ins from one address are slowed, on a fake clock.</summary>
public sealed class SignInThrottleTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("192.0.2.7");
    private static readonly IPAddress Someone = IPAddress.Parse("192.0.2.8");

    [Fact]
    public void Five_failures_are_free_then_each_further_attempt_waits_twice_as_long_up_to_the_cap()
    {
        var time = FakeClock.Create();
        var throttle = new SignInThrottle(new StaticOptions(new DrillServerOptions()), time);
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed(Guesser);
            Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Guesser));
        }

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            throttle.Failed(Guesser);
            waits.Add(throttle.WaitFor(Guesser));
            time.Advance(waits[^1]);
            Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Guesser));
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300], waits.Select(w => w.TotalSeconds));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Someone));
    }

    [Fact]
    public void An_address_is_forgiven_after_fifteen_quiet_minutes()
    {
        var time = FakeClock.Create();
        var throttle = new SignInThrottle(new StaticOptions(new DrillServerOptions()), time);
        for (var i = 0; i < 7; i++)
        {
            throttle.Failed(Guesser);
        }

        Assert.Equal(TimeSpan.FromSeconds(4), throttle.WaitFor(Guesser));
        time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Guesser));
        throttle.Failed(Guesser);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Guesser));
    }

    private sealed class StaticOptions(DrillServerOptions value) : IOptionsMonitor<DrillServerOptions>
    {
        public DrillServerOptions CurrentValue => value;

        public DrillServerOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<DrillServerOptions, string?> listener) => null;
    }
}
